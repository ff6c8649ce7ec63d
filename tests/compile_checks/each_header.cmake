# Compiles a TU holding one #include of each public header, header by header (-fsyntax-only).
# -DCXX=... -DINCLUDE=<runtime include dir> -DSERVICES=<services include dir> -DSAMPLE=ssm,swf -DFLAGS="..."
# Every header of the runtime. The generated services (services/include/awsjson/ID/) hold some
# thirty thousand headers made by one generator from one template: here each sampled service's
# enums.hpp, errors.hpp and its first and last operation header stand for them (tools/awsjson_gen.py
# emits every header self-contained by construction; tools/check-services.sh compiles every
# service's all.hpp, and the service tests compile the operations they sample).
file(GLOB_RECURSE headers RELATIVE "${INCLUDE}" "${INCLUDE}/awsjson/*.hpp")
string(REPLACE "," ";" SAMPLE "${SAMPLE}")
foreach(service IN LISTS SAMPLE)
  file(GLOB ops RELATIVE "${SERVICES}" "${SERVICES}/awsjson/${service}/*.hpp")
  list(REMOVE_ITEM ops "awsjson/${service}/all.hpp" "awsjson/${service}/enums.hpp" "awsjson/${service}/errors.hpp")
  list(SORT ops)
  list(GET ops 0 first)
  list(GET ops -1 last)
  list(APPEND headers "awsjson/${service}/enums.hpp" "awsjson/${service}/errors.hpp" "${first}" "${last}")
endforeach()
separate_arguments(flags UNIX_COMMAND "${FLAGS}")
set(failed "")
foreach(header IN LISTS headers)
  file(WRITE "${CMAKE_CURRENT_BINARY_DIR}/one_header.cpp" "#include <${header}>\n")
  execute_process(COMMAND ${CXX} -std=c++20 -fsyntax-only -Wall -Wextra -Werror -I${INCLUDE} -I${SERVICES} ${flags}
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
