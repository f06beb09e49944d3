# Fuzzing (libFuzzer + ASan + UBSan, clang): see docs/fuzzing.md.
#
#   make fuzz              build every tests/fuzz/fuzz_*.c and run each for
#                          FUZZ_SECONDS (default 60); fails on the first crash
#   make fuzz-smoke        each target on FUZZ_SMOKE_RUNS inputs with a fixed
#                          seed from a fresh corpus: deterministic (CI)
#   make fuzz-build        build the targets only
#
# Targets link their own clang-instrumented copies of the engine and of the
# SQL layer (compiled with -DSQLITE_CORE, so it calls libsqlite3 directly;
# see tests/fuzz/fuzz_db.h). Seed corpora are written at fuzz time into
# build/fuzz/corpus/<target> by tests/fuzz/seeds.sh; crash inputs land in
# build/fuzz/artifacts/. Nothing under build/ is committed. A target with a
# tests/fuzz/<target>.dict runs with that libFuzzer dictionary.

FUZZ_CC      ?= clang
FUZZ_SECONDS ?= 60
FUZZ_SMOKE_RUNS ?= 4000
FUZZ_LIMIT   ?= -max_total_time=$(FUZZ_SECONDS)
FUZZ_CORPUS  ?= $(FUZZ_BUILD)/corpus
FUZZ_BUILD    = build/fuzz
FUZZ_SAN      = -fsanitize=address,undefined -fno-sanitize-recover=all -fno-omit-frame-pointer
FUZZ_CFLAGS   = -O1 -g $(filter-out -fsanitize% -fno-sanitize%,$(ND_CFLAGS)) $(FUZZ_SAN)
FUZZ_SRC      = $(sort $(wildcard tests/fuzz/fuzz_*.c))
FUZZ_BIN      = $(FUZZ_SRC:tests/fuzz/%.c=$(FUZZ_BUILD)/%)
FUZZ_ENGINE   = $(ENGINE_SRC:ext/%.c=$(FUZZ_BUILD)/obj/%.o) $(ASM_SRC:ext/%.S=$(FUZZ_BUILD)/obj/%.o)
FUZZ_SQL      = $(SQL_SRC:ext/%.c=$(FUZZ_BUILD)/obj/%.o)
FUZZ_OPTS     = -timeout=10 -rss_limit_mb=2048 -max_len=65536 -print_final_stats=1
# max_total_time is wall time; the CPU time a target got is what counts.
FUZZ_TIME     = $(if $(wildcard /usr/bin/time),/usr/bin/time -f 'cpu %U+%S' -a -o $(FUZZ_BUILD)/$$t.log)

.PHONY: fuzz fuzz-smoke fuzz-build

fuzz-build: $(FUZZ_BIN)

$(FUZZ_BUILD)/obj/%.o: ext/%.c $(wildcard include/*.h)
	@mkdir -p $(@D)
	$(FUZZ_CC) $(FUZZ_CFLAGS) -fsanitize=fuzzer-no-link -c $< -o $@

$(FUZZ_SQL): FUZZ_CFLAGS += -DSQLITE_CORE

$(FUZZ_BUILD)/obj/%.o: ext/%.S
	@mkdir -p $(@D)
	$(FUZZ_CC) -Iinclude -c $< -o $@

$(FUZZ_BUILD)/libengine.a: $(FUZZ_ENGINE)
	rm -f $@ && ar rcs $@ $^

$(FUZZ_BUILD)/fuzz_%: tests/fuzz/fuzz_%.c $(wildcard tests/fuzz/*.h) $(FUZZ_SQL) $(FUZZ_BUILD)/libengine.a
	$(FUZZ_CC) $(FUZZ_CFLAGS) -Itests/fuzz -fsanitize=fuzzer $< -o $@ \
	  $(FUZZ_SQL) $(FUZZ_BUILD)/libengine.a -lsqlite3 $(LIBS)

# One target after the other; the first crash stops the run with the
# reproducer's path in the log.
fuzz: $(FUZZ_BIN)
	@mkdir -p $(FUZZ_BUILD)/artifacts
	@for f in $(FUZZ_BIN); do \
	  t=$${f##*/fuzz_}; c=$(FUZZ_CORPUS)/$$t; \
	  sh tests/fuzz/seeds.sh $$t $$c || exit 1; \
	  d=; [ -f tests/fuzz/$$t.dict ] && d=-dict=tests/fuzz/$$t.dict; \
	  printf 'fuzz %-16s %s ... ' $$t '$(FUZZ_LIMIT)'; \
	  if $(FUZZ_TIME) $$f $$c $$d $(FUZZ_OPTS) $(FUZZ_LIMIT) \
	       -artifact_prefix=$(FUZZ_BUILD)/artifacts/$$t- >$(FUZZ_BUILD)/$$t.log 2>&1; then \
	    echo "ok, runs: $$(sed -n 's/^stat::number_of_executed_units: *//p' $(FUZZ_BUILD)/$$t.log)," \
	      "CPU s: $$(tail -1 $(FUZZ_BUILD)/$$t.log | sed -n 's/^cpu //p')"; \
	  else \
	    echo FAILED; tail -60 $(FUZZ_BUILD)/$$t.log; exit 1; \
	  fi; \
	done

# CI's run is deterministic: a fixed seed, a fixed number of inputs and a
# fresh corpus, so that it passes or fails the same way on every machine
# (a time limit would reach a different depth under a different load).
fuzz-smoke:
	@rm -rf $(FUZZ_BUILD)/smoke-corpus
	@$(MAKE) --no-print-directory fuzz FUZZ_CORPUS=$(FUZZ_BUILD)/smoke-corpus \
	  FUZZ_LIMIT="-seed=1 -runs=$(FUZZ_SMOKE_RUNS)"
