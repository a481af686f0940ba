# Embeds text files (SQL migrations, the OpenAPI document) into the binary as C++ string constants,
# so that one executable carries everything it needs.
#   dvld_embed(OUTPUT out.cpp NAMESPACE ns FUNCTION fn FILES a.sql b.sql)
# generates `std::vector<EmbeddedFile> ns::fn()` with {name, content} in the order given.
function(dvld_embed)
  cmake_parse_arguments(E "" "OUTPUT;NAMESPACE;FUNCTION" "FILES" ${ARGN})
  add_custom_command(
    OUTPUT ${E_OUTPUT}
    COMMAND ${CMAKE_COMMAND} -DOUTPUT=${E_OUTPUT} -DNAMESPACE=${E_NAMESPACE} -DFUNCTION=${E_FUNCTION}
            "-DFILES=${E_FILES}" -P ${PROJECT_SOURCE_DIR}/cmake/embed_run.cmake
    DEPENDS ${E_FILES} ${PROJECT_SOURCE_DIR}/cmake/embed_run.cmake
    COMMENT "Embedding ${E_FUNCTION}"
    VERBATIM)
endfunction()
