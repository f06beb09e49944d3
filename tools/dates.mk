# Date tagger (news_dates): quality evaluation and speed benchmark.
#
#   make eval-dates    TempEval-3 measures on $(SHARED_DIR)/data/tempeval3
#                      (+ WikiWars), tables written to docs/quality-dates.md
#   make bench-dates   MB/s per core and peak memory, side by side with
#                      chrono-node (npm), figures written to docs/bench-dates.md

EVAL_TARGETS += eval-dates

eval-dates: all
	$(PYTHON) tools/eval_dates.py --ext $(EXT) --data $(SHARED_DIR)/data/tempeval3 \
	  --wikiwars $(SHARED_DIR)/data/wikiwars/timex2 --doc docs/quality-dates.md

.PHONY: eval-dates

BENCH_TARGETS += bench-dates

# chrono-node goes to build/node_modules (never committed); without npm the
# chrono-node column is skipped with a message.
bench-dates: all
	@if command -v npm >/dev/null 2>&1; then \
	  [ -d build/node_modules/chrono-node ] || npm install --silent --prefix build chrono-node; \
	else echo "bench-dates: npm absent, chrono-node skipped"; fi
	$(PYTHON) tools/bench_dates.py --ext $(EXT) --data $(SHARED_DIR)/data/tempeval3 \
	  --node-modules build/node_modules --mb 20 --doc docs/bench-dates.md

.PHONY: bench-dates
