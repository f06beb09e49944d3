# Article formats (news_clean): throughput per format, single-threaded,
# beside Python standard-library baselines on the same bytes.
#
#   make bench-formats   MB/s per format and peak memory; figures in
#                        docs/bench-formats.md

BENCH_TARGETS += bench-formats

.PHONY: bench-formats
bench-formats: all
	$(PYTHON) tools/bench_formats.py --ext $(EXT)
