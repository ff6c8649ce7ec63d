# Fails if an object file defines any of the codec's internals: a translation unit built against
# awsjson/compiled.hpp must call the separately compiled codec, not instantiate it.
# -DNM=... -DOBJECT=...
execute_process(COMMAND ${NM} -C --defined-only ${OBJECT} OUTPUT_VARIABLE symbols COMMAND_ERROR_IS_FATAL ANY)
string(REGEX MATCHALL "[^\n]*awsjson::detail::(decode_padded|decode_unpadded|silent_decode|walk_[a-z_]+|this_thread_state|encode_any|validator)[^\n]*"
       found "${symbols}")
string(REGEX MATCHALL "[^\n]*awsjson::(build_request|decode_response|encode_into)<[^\n]*" found2 "${symbols}")
list(APPEND found ${found2})
if(found)
  list(JOIN found "\n  " lines)
  message(FATAL_ERROR "the consumer instantiated codec code itself:\n  ${lines}")
endif()
string(REGEX MATCHALL "[^\n]*awsjson::[^\n]*" ours "${symbols}")
list(LENGTH ours n)
message(STATUS "ok: no codec code in the consumer (${n} awsjson symbols defined, all thin wrappers)")
