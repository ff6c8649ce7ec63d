# Compiles a TU holding one #include of each public header, header by header (-fsyntax-only).
# -DCXX=... -DINCLUDE=<include dir> -DFLAGS="..."
file(GLOB_RECURSE headers RELATIVE "${INCLUDE}" "${INCLUDE}/awsjson/*.hpp")
separate_arguments(flags UNIX_COMMAND "${FLAGS}")
set(failed "")
foreach(header IN LISTS headers)
  file(WRITE "${CMAKE_CURRENT_BINARY_DIR}/one_header.cpp" "#include <${header}>\n")
  execute_process(COMMAND ${CXX} -std=c++20 -fsyntax-only -Wall -Wextra -Werror -I${INCLUDE} ${flags}
                          "${CMAKE_CURRENT_BINARY_DIR}/one_header.cpp"
                  ERROR_VARIABLE err RESULT_VARIABLE rc)
  if(NOT rc EQUAL 0)
    list(APPEND failed "${header}:\n${err}")
  endif()
endforeach()
list(LENGTH headers n)
if(failed)
  list(JOIN failed "\n" text)
  message(FATAL_ERROR "headers that do not compile on their own:\n${text}")
endif()
message(STATUS "ok: ${n} public headers each compile on their own")
