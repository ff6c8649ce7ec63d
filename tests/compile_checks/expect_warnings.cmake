# Compiles SRC with the test's compiler and counts the nodiscard warnings: exactly EXPECTED, one
# per line of SRC that drops a result. Usage: cmake -DCXX=... -DSRC=... -DEXPECTED=N -DFLAGS=... -P
separate_arguments(_flags UNIX_COMMAND "${FLAGS}")
execute_process(COMMAND "${CXX}" -std=c++20 -fsyntax-only -Wunused-result ${_flags} "${SRC}"
                RESULT_VARIABLE _rc OUTPUT_VARIABLE _out ERROR_VARIABLE _out)
if(NOT _rc EQUAL 0)
  message(FATAL_ERROR "the check file does not compile:\n${_out}")
endif()
string(REGEX MATCHALL "warning: ignoring return(ed)? value[^\n]*" _hits "${_out}")
list(LENGTH _hits _n)
if(NOT _n EQUAL EXPECTED)
  message(FATAL_ERROR "expected ${EXPECTED} nodiscard warnings, got ${_n}:\n${_out}")
endif()
message(STATUS "${_n} nodiscard warnings, as expected")
