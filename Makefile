# newsdesk: a SQLite extension that reads folders of news articles as tables.
#
#   make            build dist/newsdesk.so
#   make deps       install missing Debian build dependencies (apt-get)
#   make deps-dev   also what fuzzing and benchmarks need (clang, GNU time)
#   make demo       deps + build + example queries over the sample corpus
#   make test       the whole suite (SANITIZE=1: under ASan + UBSan)
#   make bench      throughput and memory, side by side with other tools
#   make eval       quality figures on ../shared/data
#   make install    copy the extension under $(PREFIX)/lib
#   make format     clang-format the C sources

PREFIX     ?= /usr/local
CC         ?= cc
CFLAGS     ?= -O3 -g
SHARED_DIR ?= ../shared
PYTHON     ?= /usr/bin/python3
SQLITE3    ?= sqlite3

DEB_PACKAGES = build-essential libsqlite3-dev sqlite3 libutf8proc-dev libpcre2-dev python3
# For the developers' targets only: fuzzing (clang, libFuzzer), benchmarks (GNU time).
DEV_PACKAGES = clang libclang-rt-dev time

ifeq ($(SANITIZE),1)
  BUILD   = build/san
  EXT_DIR = build/san
  SAN_FLAGS = -fsanitize=address,undefined -fno-sanitize-recover=all -fno-omit-frame-pointer
  CFLAGS  = -O1 -g
  # The sqlite3 shell and python are not built with ASan: preload its runtime.
  TEST_ENV = LD_PRELOAD="$$($(CC) -print-file-name=libasan.so)" \
             ASAN_OPTIONS=detect_leaks=0:abort_on_error=1 \
             UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1
else
  BUILD   = build
  EXT_DIR = dist
  SAN_FLAGS =
  TEST_ENV =
endif

EXT = $(EXT_DIR)/newsdesk.so

GIT_COMMIT := $(shell git rev-parse --short HEAD 2>/dev/null || echo unknown)
ND_CFLAGS = -std=c11 -D_GNU_SOURCE -DPCRE2_CODE_UNIT_WIDTH=8 -fPIC -Wall -Wextra -Wshadow -Wno-unused-parameter \
            -Iinclude $(SAN_FLAGS)
LIBS = -lpcre2-8 -lutf8proc -lm -lpthread

# Engine: plain C, no SQLite. SQL layer: newsdesk.c and sql_*.c.
SQL_SRC    = ext/newsdesk.c $(wildcard ext/sql_*.c)
ENGINE_SRC = $(filter-out $(SQL_SRC),$(wildcard ext/*.c))
ASM_SRC    = $(wildcard ext/*.S)
ENGINE_OBJ = $(ENGINE_SRC:ext/%.c=$(BUILD)/%.o) $(ASM_SRC:ext/%.S=$(BUILD)/%.o)
SQL_OBJ    = $(SQL_SRC:ext/%.c=$(BUILD)/%.o)
UNIT_SRC   = $(wildcard tests/unit/test_*.c)
UNIT_BIN   = $(UNIT_SRC:tests/unit/%.c=$(BUILD)/tests/%)

.PHONY: all deps deps-dev demo test bench eval clean install format

all: $(EXT)

$(BUILD)/%.o: ext/%.c $(wildcard include/*.h) | $(BUILD)
	$(CC) $(CFLAGS) $(ND_CFLAGS) -c $< -o $@

# news_debug() names the commit: rebuild its object when the commit changes.
$(BUILD)/commit.stamp: FORCE | $(BUILD)
	@echo '$(GIT_COMMIT)' | cmp -s - $@ || echo '$(GIT_COMMIT)' > $@
FORCE:
$(BUILD)/sql_version.o: $(BUILD)/commit.stamp
$(BUILD)/sql_version.o: ND_CFLAGS += -DND_COMMIT='"$(GIT_COMMIT)"' \
                                     -DND_BUILD_FLAGS='"$(CC) $(CFLAGS) $(SAN_FLAGS)"'

$(BUILD)/%.o: ext/%.S | $(BUILD)
	$(CC) $(SAN_FLAGS) -Iinclude -c $< -o $@

$(BUILD)/libnewsdesk_engine.a: $(ENGINE_OBJ)
	rm -f $@ && ar rcs $@ $^

$(EXT): $(SQL_OBJ) $(BUILD)/libnewsdesk_engine.a | $(EXT_DIR)
	$(CC) $(CFLAGS) $(SAN_FLAGS) -shared -o $@ $(SQL_OBJ) $(BUILD)/libnewsdesk_engine.a $(LIBS)

$(BUILD)/tests/%: tests/unit/%.c tests/unit/unit.h $(BUILD)/libnewsdesk_engine.a | $(BUILD)
	@mkdir -p $(BUILD)/tests
	$(CC) $(CFLAGS) $(ND_CFLAGS) -Itests/unit $< -o $@ $(BUILD)/libnewsdesk_engine.a $(LIBS)

$(BUILD) $(EXT_DIR):
	mkdir -p $@

deps:
	@sh tools/install-deps.sh $(DEB_PACKAGES)

deps-dev: deps
	@sh tools/install-deps.sh $(DEV_PACKAGES)

demo: deps
	@$(MAKE) --no-print-directory all
	@SQLITE3=$(SQLITE3) sh tools/demo.sh $(EXT)

test: all $(UNIT_BIN)
	@$(TEST_ENV) NEWSDESK_EXT=$(EXT) SQLITE3=$(SQLITE3) PYTHON=$(PYTHON) \
	  SHARED_DIR=$(SHARED_DIR) UNIT_DIR=$(BUILD)/tests sh tests/run.sh

# Each part of the project adds its own targets in tools/<part>.mk and
# appends them to BENCH_TARGETS / EVAL_TARGETS.
BENCH_TARGETS =
EVAL_TARGETS =
include $(sort $(wildcard tools/*.mk))

bench: deps-dev all $(BENCH_TARGETS)

eval: all $(EVAL_TARGETS)

install: all
	install -d $(DESTDIR)$(PREFIX)/lib
	install -m 0644 $(EXT) $(DESTDIR)$(PREFIX)/lib/newsdesk.so

format:
	clang-format -i ext/*.c include/*.h tests/unit/*.c

clean:
	rm -rf build dist
