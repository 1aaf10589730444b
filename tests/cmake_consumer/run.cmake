# cmake -DBUILD_DIR=... -DSOURCE_DIR=... -P run.cmake: install the library into a scratch prefix,
# configure and build the consumer against it with find_package, run it (it checks a value).
set(prefix ${BUILD_DIR}/consumer-prefix)
set(consumer ${BUILD_DIR}/consumer-build)
file(REMOVE_RECURSE ${prefix} ${consumer})
foreach(step
    "${CMAKE_COMMAND};--install;${BUILD_DIR};--prefix;${prefix}"
    "${CMAKE_COMMAND};-S;${SOURCE_DIR}/tests/cmake_consumer;-B;${consumer};-DCMAKE_PREFIX_PATH=${prefix}"
    "${CMAKE_COMMAND};--build;${consumer}"
    "${consumer}/consumer")
  execute_process(COMMAND ${step} RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
  if(NOT rc EQUAL 0)
    message(FATAL_ERROR "step failed (${rc}): ${step}\n${out}\n${err}")
  endif()
endforeach()
message(STATUS "consumer printed ${out}")
