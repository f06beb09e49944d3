# news_articles benchmark (make bench): throughput and peak memory over a
# synthetic corpus of 20,000 articles (~100 MB) built from tests/corpus,
# beside `cat` of the same files; a 5,000-article corpus shows that memory
# does not grow with the number of files. Figures: docs/bench.md.
BENCH_TARGETS += bench-articles

build/bench-corpus.stamp: tools/make-bench-corpus.py $(wildcard tests/corpus/*/*)
	$(PYTHON) tools/make-bench-corpus.py --articles 20000 --out build/bench-corpus
	@touch $@

build/bench-corpus-5k.stamp: tools/make-bench-corpus.py $(wildcard tests/corpus/*/*)
	$(PYTHON) tools/make-bench-corpus.py --articles 5000 --out build/bench-corpus-5k
	@touch $@

.PHONY: bench-articles
bench-articles: all build/bench-corpus.stamp build/bench-corpus-5k.stamp
	@SQLITE3=$(SQLITE3) sh tools/bench-articles.sh $(EXT)
