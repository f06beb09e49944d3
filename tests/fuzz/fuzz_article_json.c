/* libFuzzer target: nd_article_parse of arbitrary bytes as json (fuzz_article.h). */
#include "fuzz_article.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  fuzzArticle(data, size, ND_FORMAT_JSON);
  return 0;
}
