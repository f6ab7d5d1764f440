#!/usr/bin/env bash
# stack.sh: start, stop or report one Starcert instance: a private PostgreSQL
# cluster, the FastCGI master and its workers, and nginx, all under var/NAME.
#
#   scripts/stack.sh start NAME PORT BUILD_DIR
#   scripts/stack.sh stop NAME
#   scripts/stack.sh status NAME
#   scripts/stack.sh init NAME      (PostgreSQL running with the database and
#                                    its roles, a new one empty; nothing else:
#                                    scripts/restore.sh)
#
# start refuses an instance holding var/NAME/RESTORING: scripts/restore.sh
# writes it first and removes it only once everything restored is checked.
#
# Instances: dev (make run), test (make test), bench (make bench).  Each has
# its own data directory, ports and sockets, so they never touch each other.
set -euo pipefail

cmd=${1:?usage: stack.sh start|stop|status|init NAME [PORT BUILD]}
name=${2:?instance name}
root=$(cd "$(dirname "$0")/.." && pwd)
var="$root/var/$name"

# Each instance gets its own PostgreSQL port, derived from its name.
case "$name" in
	dev) pg_port=54320 ;;
	test) pg_port=54330 ;;
	bench) pg_port=54340 ;;
	*) pg_port=54350 ;;
esac

pg_bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
pg_data="$var/pg"
pg_sock="$var/pgsock"
app_dir="$var/app"
app_sock="$app_dir/starcert.sock"
app_pid="$app_dir/master.pid"
ngx_dir="$var/nginx"
ngx_pid="$ngx_dir/nginx.pid"
log_dir="$var/log"
blobs_dir="$var/blobs"

if [ "$(id -u)" -eq 0 ]; then
	as_root=1
	app_user=starcert
	pg_user=postgres
else
	as_root=0
	app_user=$(id -un)
	pg_user=$(id -un)
fi
invoker=$(id -un)

say() { printf 'stack[%s]: %s\n' "$name" "$*"; }
die() { printf 'stack[%s]: %s\n' "$name" "$*" >&2; exit 1; }

as_pg() {
	if [ "$as_root" -eq 1 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

pid_alive() { local p; p=$(cat "$1" 2>/dev/null) && [ -n "$p" ] && kill -0 "$p" 2>/dev/null; }

pg_running() { as_pg "$pg_bin/pg_ctl" -D "$pg_data" status >/dev/null 2>&1; }
app_running() { pid_alive "$app_pid"; }
nginx_running() { pid_alive "$ngx_pid"; }

psql_super() {
	as_pg "$pg_bin/psql" -X -q -v ON_ERROR_STOP=1 -h "$pg_sock" -p "$pg_port" \
		-U postgres "$@"
}

owner_conninfo="host=$pg_sock port=$pg_port dbname=starcert user=starcert_owner"
app_conninfo="host=$pg_sock port=$pg_port dbname=starcert user=starcert_app"

# The workers, nginx and PostgreSQL run as their own users: they must be
# able to reach the checkout.  Where a parent directory shuts others out
# (a clone under /root, say), let them pass through it (o+x, not o+r).
ensure_reachable() {
	local dir=$root
	[ "$as_root" -eq 1 ] || return 0
	runuser -u nobody -- test -r "$root/templates/layout.tpl" 2>/dev/null && return 0
	while [ "$dir" != / ]; do
		if ! runuser -u nobody -- test -x "$dir" 2>/dev/null; then
			say "letting other users pass through $dir (chmod o+x)"
			chmod o+x "$dir"
		fi
		dir=$(dirname "$dir")
	done
}

ensure_user() {
	[ "$as_root" -eq 1 ] || return 0
	if ! id starcert >/dev/null 2>&1; then
		useradd --system --user-group --no-create-home \
			--home-dir /nonexistent --shell /usr/sbin/nologin starcert
	fi
}

make_dirs() {
	mkdir -p "$var" "$log_dir" "$ngx_dir" "$app_dir" "$pg_sock" "$blobs_dir"
	chmod 0755 "$root/var" "$var" "$log_dir" "$ngx_dir"
	touch "$log_dir/postgresql.log" "$log_dir/app.log"
	if [ "$as_root" -eq 1 ]; then
		chown postgres:postgres "$pg_sock" "$log_dir/postgresql.log"
		# The app owns its socket directory; nginx's workers reach it
		# through the starcert group.
		chown starcert:starcert "$app_dir"
		# Uploaded files: written by the app, read by nginx (X-Accel-Redirect).
		chown -R starcert:starcert "$blobs_dir"
	fi
	chmod 0755 "$pg_sock"
	chmod 0750 "$app_dir" "$blobs_dir"
	# The key that signs certificate links: made once per instance, kept
	# outside the repository, readable by the app only.
	mkdir -p "$var/secret"
	if [ ! -s "$var/secret/cert.key" ]; then
		(umask 077 && head -c 32 /dev/urandom >"$var/secret/cert.key")
	fi
	chmod 0700 "$var/secret"
	chmod 0600 "$var/secret/cert.key"
	[ "$as_root" -eq 1 ] && chown -R starcert:starcert "$var/secret"
	return 0
}

pg_init() {
	[ -f "$pg_data/PG_VERSION" ] && return 0
	say "creating the PostgreSQL cluster in $pg_data"
	mkdir -p "$pg_data"
	[ "$as_root" -eq 1 ] && chown postgres:postgres "$pg_data"
	chmod 0700 "$pg_data"
	as_pg "$pg_bin/initdb" -D "$pg_data" -U postgres -E UTF8 --locale=C.UTF-8 \
		--auth-local=peer --auth-host=reject >"$log_dir/initdb.log" 2>&1 ||
		die "initdb failed: see $log_dir/initdb.log"
	# Peer authentication over the unix socket only, mapped to our roles:
	# the app's system user may be the app role, whoever runs make may
	# be the owner (migrations, tests) and postgres the superuser.
	as_pg tee "$pg_data/pg_hba.conf" >/dev/null <<-EOF
	local all all peer map=starcert
	EOF
	as_pg tee "$pg_data/pg_ident.conf" >/dev/null <<-EOF
	starcert $app_user starcert_app
	starcert $invoker starcert_owner
	starcert $invoker starcert_app
	starcert $pg_user postgres
	starcert postgres postgres
	EOF
	as_pg tee -a "$pg_data/postgresql.conf" >/dev/null <<-EOF

	# Starcert: a private cluster, reachable only through its socket.
	listen_addresses = ''
	port = $pg_port
	unix_socket_directories = '$pg_sock'
	unix_socket_permissions = 0777
	max_connections = 200
	shared_buffers = 256MB
	timezone = 'UTC'
	log_timezone = 'UTC'
	log_min_duration_statement = 500
	EOF
}

pg_start() {
	if pg_running; then return 0; fi
	as_pg "$pg_bin/pg_ctl" -D "$pg_data" -l "$log_dir/postgresql.log" -w -t 60 \
		start >/dev/null || die "PostgreSQL did not start: see $log_dir/postgresql.log"
}

db_bootstrap() {
	local exists
	exists=$(psql_super -d postgres -tAc "SELECT 1 FROM pg_database WHERE datname = 'starcert'")
	[ "$exists" = 1 ] && return 0
	say "creating the database and its roles"
	psql_super -d postgres <<-'EOF'
	DO $$ BEGIN
	  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'starcert_owner') THEN
	    CREATE ROLE starcert_owner LOGIN;
	  END IF;
	  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'starcert_app') THEN
	    CREATE ROLE starcert_app LOGIN;
	  END IF;
	END $$;
	CREATE DATABASE starcert OWNER starcert_owner ENCODING 'UTF8' TEMPLATE template0;
	REVOKE ALL ON DATABASE starcert FROM PUBLIC;
	GRANT CONNECT, TEMPORARY ON DATABASE starcert TO starcert_app;
	\c starcert
	REVOKE ALL ON SCHEMA public FROM PUBLIC;
	GRANT USAGE ON SCHEMA public TO starcert_app;
	EOF
}

migrate() {
	STARCERT_DB_OWNER="$owner_conninfo" STARCERT_SHARE="$root" \
		ASAN_OPTIONS=detect_leaks=0 "$build/starcertctl" migrate >>"$log_dir/migrate.log" 2>&1 ||
		{ tail -n 5 "$log_dir/migrate.log" >&2; die "migrations failed: see $log_dir/migrate.log"; }
}

# An administrator must exist: from STARCERT_ADMIN_EMAIL/PASSWORD, else a
# generated password printed once.
ensure_admin() {
	local out
	out=$(STARCERT_DB="$app_conninfo" ASAN_OPTIONS=detect_leaks=0 \
		"$build/starcertctl" ensure-admin 2>&1) || { echo "$out" >&2; die "could not make sure an administrator exists"; }
	grep -v 'nothing to do' <<<"$out" | sed "s/^/stack[$name]: /" || true
}

app_start() {
	if app_running; then return 0; fi
	local run=()
	[ "$as_root" -eq 1 ] && run=(setpriv --reuid=starcert --regid=starcert --init-groups)
	rm -f "$app_pid"
	env STARCERT_SOCKET="$app_sock" STARCERT_DB="$app_conninfo" STARCERT_BLOBS="$blobs_dir" \
		STARCERT_CERT_KEY="$var/secret/cert.key" STARCERT_PUBLIC_URL="http://127.0.0.1:$port" \
		STARCERT_SHARE="$root" STARCERT_PIDFILE="$app_pid" \
		${STARCERT_WORKERS:+STARCERT_WORKERS=$STARCERT_WORKERS} \
		ASAN_OPTIONS="detect_leaks=0:abort_on_error=0" \
		setsid "${run[@]}" "$build/starcert-fcgi" >>"$log_dir/app.log" 2>&1 </dev/null &
	for _ in $(seq 1 100); do
		[ -S "$app_sock" ] && app_running && return 0
		sleep 0.1
	done
	tail -n 5 "$log_dir/app.log" >&2
	die "the FastCGI master did not start: see $log_dir/app.log"
}

# The timed jobs (mail, tick) of the make run instance; tests run them themselves.
sched_pid="$app_dir/scheduler.pid"
scheduler_start() {
	[ "$name" = dev ] || return 0
	pid_alive "$sched_pid" && return 0
	local run=()
	[ "$as_root" -eq 1 ] && run=(setpriv --reuid=starcert --regid=starcert --init-groups)
	env STARCERT_DB="$app_conninfo" STARCERT_SHARE="$root" \
		STARCERT_PUBLIC_URL="http://127.0.0.1:$port" \
		setsid "${run[@]}" "$root/scripts/scheduler.sh" "$build/starcertctl" \
		>>"$log_dir/scheduler.log" 2>&1 </dev/null &
	echo $! >"$sched_pid"
}

nginx_conf() {
	local user_line="" login_rate=10 public_rate=20
	[ "$as_root" -eq 1 ] && user_line="user www-data starcert;"
	# The benchmark measures sign-in itself, not nginx's limit on it.
	[ "$name" = bench ] && login_rate=100000 public_rate=100000
	sed -e "s|@ROOT@|$root|g" -e "s|@VAR@|$var|g" -e "s|@PORT@|$port|g" \
		-e "s|@LOGIN_RATE@|$login_rate|g" -e "s|@PUBLIC_RATE@|$public_rate|g" \
		-e "s|@USER_LINE@|$user_line|g" -e "s|@APP_SOCKET@|$app_sock|g" \
		"$root/nginx.conf" >"$ngx_dir/nginx.conf"
	mkdir -p "$ngx_dir/extra"
}

nginx_start() {
	if nginx_running; then return 0; fi
	nginx_conf
	/usr/sbin/nginx -p "$ngx_dir/" -c "$ngx_dir/nginx.conf" -e "$log_dir/nginx-error.log" \
		-t -q || die "nginx.conf is not valid: see above"
	/usr/sbin/nginx -p "$ngx_dir/" -c "$ngx_dir/nginx.conf" -e "$log_dir/nginx-error.log" ||
		die "nginx did not start: see $log_dir/nginx-error.log"
	for _ in $(seq 1 50); do nginx_running && return 0; sleep 0.1; done
	die "nginx did not start: see $log_dir/nginx-error.log"
}

stop_pidfile() {
	local file=$1 what=$2 pid
	pid_alive "$file" || { rm -f "$file"; return 0; }
	pid=$(cat "$file" 2>/dev/null) || return 0
	kill -TERM "$pid" 2>/dev/null || true
	for _ in $(seq 1 150); do
		kill -0 "$pid" 2>/dev/null || { rm -f "$file"; say "$what stopped"; return 0; }
		sleep 0.1
	done
	kill -KILL "$pid" 2>/dev/null || true
	rm -f "$file"
	say "$what did not stop in 15 s: killed"
}

# An empty instance with its cluster running (start goes on from here; restore uses it alone).
cluster_up() {
	ensure_reachable
	ensure_user
	make_dirs
	pg_init
	pg_start
	db_bootstrap
}

case "$cmd" in
start)
	# A restore that never finished leaves a partial database: migrating
	# and serving it would pass it off as the real one.
	if [ -e "$var/RESTORING" ]; then
		die "var/$name is an unfinished restore ($(cat "$var/RESTORING")); not started. Remove var/$name (scripts/stack.sh stop $name; rm -rf var/$name) and run scripts/restore.sh again"
	fi
	port=${3:?port}
	build=$(cd "$root" && cd "${4:?build dir}" && pwd)
	url="http://127.0.0.1:$port/"
	if pg_running && app_running && nginx_running; then
		scheduler_start
		say "already running at $url; nothing changed"
		exit 0
	fi
	cluster_up
	migrate
	ensure_admin
	app_start
	nginx_start
	scheduler_start
	say "Starcert is running at $url (logs and data in var/$name/)"
	;;
init)
	cluster_up
	;;
stop)
	if [ -f "$ngx_pid" ]; then
		/usr/sbin/nginx -p "$ngx_dir/" -c "$ngx_dir/nginx.conf" -e "$log_dir/nginx-error.log" \
			-s quit 2>/dev/null || true
		stop_pidfile "$ngx_pid" nginx
	fi
	stop_pidfile "$sched_pid" "the scheduler"
	stop_pidfile "$app_pid" "the FastCGI master"
	if [ -f "$pg_data/PG_VERSION" ] && pg_running; then
		as_pg "$pg_bin/pg_ctl" -D "$pg_data" -m fast -w stop >/dev/null && say "PostgreSQL stopped"
	fi
	;;
status)
	pg_running && echo "postgresql: running" || echo "postgresql: stopped"
	app_running && echo "fastcgi: running (master $(cat "$app_pid"))" || echo "fastcgi: stopped"
	nginx_running && echo "nginx: running" || echo "nginx: stopped"
	[ "$name" = dev ] && { pid_alive "$sched_pid" && echo "scheduler: running" || echo "scheduler: stopped"; }
	;;
*)
	die "unknown command $cmd"
	;;
esac
