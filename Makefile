# Starcert: `make run` sets up and serves the portal; `make test` runs every test.
# Everything the targets need is installed by scripts/deps.sh (Debian packages).

SHELL := /bin/bash
.DEFAULT_GOAL := help

# Ports stay below the ephemeral range (32768-): an outgoing connection may
# hold one of those for a while, and nginx then cannot bind it.
PORT ?= 8080
TEST_PORT ?= 18080
BENCH_PORT ?= 28080
DRILL_PORT ?= 19080

# Two builds: release (make run, bench) and sanitized (make test).
REL := build/release
SAN := build/asan

WARN := -Wall -Wextra -Wshadow -Wstrict-prototypes -Wmissing-prototypes \
	-Wpointer-arith -Wformat=2 -Wcast-qual -Wvla -Werror
CSTD := -std=c11 -D_GNU_SOURCE
CXXSTD := -std=c++17
OPT := -O2 -g
SANFLAGS := -O1 -g -fno-omit-frame-pointer -fsanitize=address,undefined \
	-fno-sanitize-recover=undefined

PKG_CFLAGS = $(shell pkg-config --cflags libpq libsodium libqrencode libcurl 2>/dev/null)
# libharu ships no pkg-config file.
PKG_LIBS = $(shell pkg-config --libs libpq libsodium libctemplate libmagic libqrencode libcurl xlsxwriter 2>/dev/null) \
	-lhpdf -lfcgi -lpthread
CHECK_LIBS = $(shell pkg-config --libs check 2>/dev/null)

# Sources by layer.
HTTP_SRC := $(wildcard cgi-bin/http/*.c)
VIEW_SRC := $(wildcard cgi-bin/view/*.c)
VIEW_CXX := cgi-bin/view/tmpl.cc
DB_SRC := $(wildcard cgi-bin/db/*.c)
DOMAIN_SRC := $(wildcard cgi-bin/domain/*.c)
STORE_SRC := $(wildcard cgi-bin/store/*.c)
AUTH_SRC := $(wildcard cgi-bin/auth/*.c)
UTIL_SRC := $(wildcard cgi-bin/util/*.c)
PAGES_SRC := $(wildcard cgi-bin/pages/*.c)
CERT_SRC := $(wildcard cgi-bin/cert/*.c)
APP_SRC := cgi-bin/app.c cgi-bin/config.c $(HTTP_SRC) $(VIEW_SRC) $(DB_SRC) \
	$(DOMAIN_SRC) $(STORE_SRC) $(AUTH_SRC) $(UTIL_SRC) $(CERT_SRC) $(PAGES_SRC)
FCGI_SRC := cgi-bin/main.c $(APP_SRC)
CTL_SRC := cgi-bin/ctl.c cgi-bin/config.c $(DB_SRC) $(DOMAIN_SRC) \
	cgi-bin/auth/password.c cgi-bin/auth/accounts.c $(STORE_SRC) $(UTIL_SRC) \
	cgi-bin/http/arena.c cgi-bin/http/buf.c cgi-bin/view/i18n.c $(wildcard cgi-bin/mail/*.c)
# What the unit tests link: everything but the process model and the CLI.
UNIT_SRC := $(APP_SRC)
UNIT_TESTS := $(wildcard tests/unit/*.c)
HEADERS := $(shell find cgi-bin -name '*.h')

.PHONY: help deps deps-test build build-san run stop status test test-unit test-http test-e2e \
	fuzz fuzz-short bench drill test-drill clean

help:
	@echo "make run    install what is missing, build, start PostgreSQL, the workers and nginx (PORT=$(PORT))"
	@echo "make stop   stop what make run started"
	@echo "make test   unit tests, short fuzzing, then HTTP tests on an isolated stack"
	@echo "make bench  measure pages with wrk against the FastCGI hello ceiling"
	@echo "make fuzz   fuzz every parser at length"
	@echo "make drill  the fault drills at length; figures into docs/drills.md"

deps:
	@scripts/deps.sh

deps-test:
	@scripts/deps.sh test

build: deps $(REL)/starcert-fcgi $(REL)/starcertctl

build-san: deps-test $(SAN)/starcert-fcgi $(SAN)/starcertctl $(SAN)/unit-tests

# --- release build ---------------------------------------------------------
$(REL)/%.o: %.c $(HEADERS) | $(REL)
	@mkdir -p $(dir $@)
	@echo "  CC      $@"
	@$(CC) $(CSTD) $(OPT) $(WARN) $(PKG_CFLAGS) -c $< -o $@
$(REL)/%.o: %.cc $(HEADERS) | $(REL)
	@mkdir -p $(dir $@)
	@echo "  CXX     $@"
	@$(CXX) $(CXXSTD) $(OPT) -Wall -Wextra -Werror -c $< -o $@
$(REL)/starcert-fcgi: $(addprefix $(REL)/,$(FCGI_SRC:.c=.o) $(VIEW_CXX:.cc=.o))
	@echo "  LD      $@"
	@$(CXX) -o $@ $^ $(PKG_LIBS)
$(REL)/starcertctl: $(addprefix $(REL)/,$(CTL_SRC:.c=.o))
	@echo "  LD      $@"
	@$(CC) -o $@ $^ $(PKG_LIBS)
$(REL)/hello-fcgi: tests/bench/hello.c | $(REL)
	$(CC) $(CSTD) $(OPT) $(WARN) -o $@ $< -lfcgi

# --- sanitized build (tests) -------------------------------------------------
$(SAN)/%.o: %.c $(HEADERS) | $(SAN)
	@mkdir -p $(dir $@)
	@echo "  CC      $@"
	@$(CC) $(CSTD) $(SANFLAGS) $(WARN) $(PKG_CFLAGS) -c $< -o $@
$(SAN)/%.o: %.cc $(HEADERS) | $(SAN)
	@mkdir -p $(dir $@)
	@echo "  CXX     $@"
	@$(CXX) $(CXXSTD) $(SANFLAGS) -Wall -Wextra -Werror -c $< -o $@
$(SAN)/starcert-fcgi: $(addprefix $(SAN)/,$(FCGI_SRC:.c=.o) $(VIEW_CXX:.cc=.o))
	@echo "  LD      $@"
	@$(CXX) $(SANFLAGS) -o $@ $^ $(PKG_LIBS)
$(SAN)/starcertctl: $(addprefix $(SAN)/,$(CTL_SRC:.c=.o))
	@echo "  LD      $@"
	@$(CC) $(SANFLAGS) -o $@ $^ $(PKG_LIBS)
$(SAN)/unit-tests: $(addprefix $(SAN)/,$(UNIT_TESTS:.c=.o) $(UNIT_SRC:.c=.o) $(VIEW_CXX:.cc=.o))
	@echo "  LD      $@"
	@$(CXX) $(SANFLAGS) -o $@ $^ $(PKG_LIBS) $(CHECK_LIBS)

$(REL) $(SAN):
	@mkdir -p $@

# --- running -----------------------------------------------------------------
run: build
	@scripts/stack.sh start dev $(PORT) $(REL)

stop:
	@scripts/stack.sh stop dev

status:
	@scripts/stack.sh status dev

# --- tests -------------------------------------------------------------------
test: build-san
	@$(MAKE) --no-print-directory test-unit
	@$(MAKE) --no-print-directory fuzz-short
	@$(MAKE) --no-print-directory test-http
	@$(MAKE) --no-print-directory test-drill
	@$(MAKE) --no-print-directory test-e2e
	@echo "make test: all passed"

test-unit: build-san
	@echo "== unit tests"
	@STARCERT_SHARE=. $(SAN)/unit-tests

test-http: build-san
	@echo "== HTTP tests on an isolated stack (port $(TEST_PORT))"
	@scripts/with-stack.sh test $(TEST_PORT) $(SAN) tests/http/run.sh

test-e2e: build-san
	@echo "== the journey in Chromium (screenshots in tests/e2e/screenshots/)"
	@scripts/with-stack.sh test $(TEST_PORT) $(SAN) tests/e2e/run.sh

test-drill: build-san
	@echo "== fault drills, short form, on an instance of their own (port $(DRILL_PORT))"
	@scripts/with-stack.sh drill $(DRILL_PORT) $(SAN) tests/drill/run.sh short

fuzz-short: deps-test
	@echo "== fuzzing each parser briefly"
	@tests/fuzz/run.sh 8

fuzz: deps-test
	@tests/fuzz/run.sh $${FUZZ_SECONDS:-300}

bench: build deps-test $(REL)/hello-fcgi
	@scripts/with-stack.sh bench $(BENCH_PORT) $(REL) tests/bench/run.sh

drill: build deps-test
	@scripts/with-stack.sh drill $(DRILL_PORT) $(REL) tests/drill/run.sh long

clean:
	rm -rf build
