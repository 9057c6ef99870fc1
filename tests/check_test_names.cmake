# ctest splits discovered test names at ';', so a TEST_CASE named with one becomes entries
# that match nothing and "pass" without running. Fails listing any such name.
file(GLOB_RECURSE sources ${DIR}/*.cpp)
set(bad "")
foreach(f ${sources})
  file(STRINGS ${f} lines REGEX "TEST_CASE\\(\"[^\"]*;")
  foreach(l ${lines})
    string(APPEND bad "\n  ${f}: ${l}")
  endforeach()
endforeach()
if(bad)
  message(FATAL_ERROR "test names with ';' never run under ctest; use ',' instead:${bad}")
endif()
