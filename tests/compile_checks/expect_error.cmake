# Compiles SRC, which must fail, and requires the compiler's output to contain EXPECTED (the
# diagnostic awsjson gives for that mistake). Usage: cmake -DCXX=... -DSRC=... -DEXPECTED=...
# -DFLAGS=... -P expect_error.cmake
separate_arguments(_flags UNIX_COMMAND "${FLAGS}")
execute_process(COMMAND "${CXX}" -std=c++20 -fsyntax-only ${_flags} "${SRC}"
                RESULT_VARIABLE _rc OUTPUT_VARIABLE _out ERROR_VARIABLE _out)
if(_rc EQUAL 0)
  message(FATAL_ERROR "${SRC} compiled, but it must not")
endif()
string(FIND "${_out}" "${EXPECTED}" _at)
if(_at EQUAL -1)
  message(FATAL_ERROR "the compiler's output does not say \"${EXPECTED}\":\n${_out}")
endif()
message(STATUS "rejected with: ${EXPECTED}")
