/* main.c: the process model: a master that owns the socket and N prefork FastCGI workers. */
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <sys/un.h>
#include <sys/wait.h>

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include <fcgiapp.h>

#include "app.h"
#include "config.h"
#include "db/db.h"
#include "view/i18n.h"
#include "view/view.h"

#define WORKERS_MAX		256
#define LISTEN_BACKLOG		1024
#define STOP_GRACE_SECONDS	10
#define RESPAWN_PAUSE_MS	500	/* between respawns of a worker that keeps dying */

static volatile sig_atomic_t	got_term, got_child;
static volatile sig_atomic_t	worker_stop;

static void
master_signal(int sig)
{
	if (sig == SIGCHLD)
		got_child = 1;
	else
		got_term = 1;
}

static void
worker_signal(int sig)
{
	(void)sig;
	worker_stop = 1;
	/* Makes a blocked FCGX_Accept_r return -1 instead of retrying. */
	FCGX_ShutdownPending();
}

/* open_socket: a fresh unix socket at path, mode 0660, listening. */
static int
open_socket(const char *path)
{
	struct sockaddr_un	 sun;
	int			 fd = -1;

	memset(&sun, 0, sizeof(sun));
	sun.sun_family = AF_UNIX;
	if (strlen(path) >= sizeof(sun.sun_path)) {
		fprintf(stderr, "starcert: socket path too long: %s\n", path);
		return -1;
	}
	strcpy(sun.sun_path, path);
	if ((fd = socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0)) == -1)
		goto fail;
	if (unlink(path) == -1 && errno != ENOENT)
		goto fail;
	if (bind(fd, (struct sockaddr *)&sun, sizeof(sun)) == -1 ||
	    chmod(path, 0660) == -1 || listen(fd, LISTEN_BACKLOG) == -1)
		goto fail;
	/* The workers accept on it; it must survive exec-free forks only. */
	return fd;
fail:
	fprintf(stderr, "starcert: %s: %s\n", path, strerror(errno));
	if (fd != -1)
		close(fd);
	return -1;
}

static void
worker_run(int listen_fd, const struct config *cfg)
{
	FCGX_Request		 rq;
	struct sigaction	 sa;
	sigset_t		 term, none;

	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = worker_signal;	/* no SA_RESTART: accept() must wake */
	sigemptyset(&sa.sa_mask);
	sigaction(SIGTERM, &sa, NULL);
	sigaction(SIGINT, &sa, NULL);
	sa.sa_handler = SIG_IGN;
	sigaction(SIGPIPE, &sa, NULL);
	sa.sa_handler = SIG_DFL;
	sigaction(SIGCHLD, &sa, NULL);

	sigemptyset(&term);
	sigaddset(&term, SIGTERM);
	sigaddset(&term, SIGINT);
	sigemptyset(&none);

	db_init(cfg->conninfo, cfg->statement_timeout_ms);
	if (FCGX_InitRequest(&rq, listen_fd, 0) != 0) {
		fprintf(stderr, "starcert: worker %d: FCGX_InitRequest failed\n",
		    (int)getpid());
		_exit(1);
	}
	app_worker_init();

	for (;;) {
		/* Signals are taken only while waiting, so a request in hand
		 * is always finished before the worker leaves. */
		sigprocmask(SIG_SETMASK, &none, NULL);
		if (worker_stop)
			break;
		if (FCGX_Accept_r(&rq) < 0)
			break;		/* shutdown or a broken socket: never spin */
		sigprocmask(SIG_BLOCK, &term, NULL);
		app_handle(&rq);
		FCGX_Finish_r(&rq);
	}
	FCGX_Free(&rq, 0);
	app_worker_done();
	db_close();
	_exit(0);
}

static pid_t
spawn_worker(int listen_fd, const struct config *cfg)
{
	pid_t pid = fork();

	if (pid == 0) {
		sigset_t none;

		sigemptyset(&none);
		sigprocmask(SIG_SETMASK, &none, NULL);
		worker_run(listen_fd, cfg);
	}
	if (pid == -1)
		fprintf(stderr, "starcert: fork: %s\n", strerror(errno));
	return pid;
}

static long long
now_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (long long)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

static void
write_pid_file(const char *path)
{
	FILE *f;

	if (path == NULL)
		return;
	if ((f = fopen(path, "w")) == NULL) {
		fprintf(stderr, "starcert: %s: %s\n", path, strerror(errno));
		return;
	}
	fprintf(f, "%d\n", (int)getpid());
	fclose(f);
}

/* Stop every worker: SIGTERM, then SIGKILL after the grace period. */
static void
stop_workers(pid_t *pids, int n)
{
	long long	deadline = now_ms() + STOP_GRACE_SECONDS * 1000;
	int		alive = 0;

	for (int i = 0; i < n; i++)
		if (pids[i] > 0) {
			kill(pids[i], SIGTERM);
			alive++;
		}
	while (alive > 0) {
		pid_t pid = waitpid(-1, NULL, WNOHANG);

		if (pid > 0) {
			for (int i = 0; i < n; i++)
				if (pids[i] == pid) {
					pids[i] = 0;
					alive--;
				}
			continue;
		}
		if (pid == -1 && errno == ECHILD)
			break;
		if (now_ms() > deadline) {
			fprintf(stderr, "starcert: %d worker(s) still busy after "
			    "%d s: killing\n", alive, STOP_GRACE_SECONDS);
			for (int i = 0; i < n; i++)
				if (pids[i] > 0)
					kill(pids[i], SIGKILL);
			deadline = now_ms() + 60 * 1000;
		}
		usleep(20 * 1000);
	}
}

int
main(int argc, char *argv[])
{
	struct config		 cfg;
	struct sigaction	 sa;
	sigset_t		 block, empty;
	pid_t			 pids[WORKERS_MAX] = { 0 };
	long long		 started[WORKERS_MAX] = { 0 };
	char			 path[4096];
	int			 listen_fd = -1;

	if (argc == 2 && strcmp(argv[1], "--routes") == 0) {
		app_print_routes();
		return 0;
	}
	if (argc != 1) {
		fprintf(stderr, "usage: starcert-fcgi [--routes]\n");
		return 2;
	}
	if (config_load(&cfg) != 0)
		return 1;

	snprintf(path, sizeof(path), "%s/po", cfg.share_dir);
	if (i18n_load(path) != 0)
		return 1;
	snprintf(path, sizeof(path), "%s/templates", cfg.share_dir);
	if (view_load(path) != 0)
		return 1;
	if (app_init(&cfg) != 0)
		return 1;
	if (FCGX_Init() != 0) {
		fprintf(stderr, "starcert: FCGX_Init failed\n");
		return 1;
	}
	if ((listen_fd = open_socket(cfg.socket_path)) == -1)
		return 1;

	/* The master sleeps in sigsuspend; signals are blocked elsewhere so
	 * none is lost between a check and the wait. */
	sigemptyset(&block);
	sigaddset(&block, SIGCHLD);
	sigaddset(&block, SIGTERM);
	sigaddset(&block, SIGINT);
	sigprocmask(SIG_BLOCK, &block, NULL);
	sigemptyset(&empty);
	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = master_signal;
	sigemptyset(&sa.sa_mask);
	sigaction(SIGCHLD, &sa, NULL);
	sigaction(SIGTERM, &sa, NULL);
	sigaction(SIGINT, &sa, NULL);
	sa.sa_handler = SIG_IGN;
	sigaction(SIGPIPE, &sa, NULL);
	sigaction(SIGHUP, &sa, NULL);

	write_pid_file(cfg.pid_file);
	fprintf(stderr, "starcert: master %d listening on %s with %d workers\n",
	    (int)getpid(), cfg.socket_path, cfg.workers);

	while (!got_term) {
		pid_t	pid;
		int	status;
		bool	short_of_workers = false;

		got_child = 0;
		while ((pid = waitpid(-1, &status, WNOHANG)) > 0)
			for (int i = 0; i < cfg.workers; i++)
				if (pids[i] == pid) {
					pids[i] = 0;
					if (WIFSIGNALED(status))
						fprintf(stderr, "starcert: worker %d "
						    "killed by signal %d; replacing it\n",
						    (int)pid, WTERMSIG(status));
					else
						fprintf(stderr, "starcert: worker %d "
						    "exited with %d; replacing it\n",
						    (int)pid, WEXITSTATUS(status));
				}
		for (int i = 0; i < cfg.workers; i++) {
			if (pids[i] != 0)
				continue;
			/* A worker that dies at once should not make us fork
			 * in a tight loop. */
			if (started[i] != 0 && now_ms() - started[i] < RESPAWN_PAUSE_MS)
				usleep(RESPAWN_PAUSE_MS * 1000);
			started[i] = now_ms();
			if ((pids[i] = spawn_worker(listen_fd, &cfg)) == -1) {
				pids[i] = 0;
				short_of_workers = true;
			}
		}
		if (short_of_workers)
			sleep(1);	/* fork failed: try again soon */
		else if (!got_term && !got_child)
			sigsuspend(&empty);
	}

	fprintf(stderr, "starcert: master %d stopping\n", (int)getpid());
	stop_workers(pids, cfg.workers);
	close(listen_fd);
	unlink(cfg.socket_path);
	if (cfg.pid_file != NULL)
		unlink(cfg.pid_file);
	return 0;
}
