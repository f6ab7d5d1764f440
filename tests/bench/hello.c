/* hello.c: the ceiling for make bench: the smallest FastCGI responder, prefork like the portal. */
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>
#include <sys/wait.h>

#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <fcgiapp.h>

static const char response[] =
    "Status: 200 OK\r\n"
    "Content-Type: text/plain; charset=utf-8\r\n"
    "Content-Length: 6\r\n"
    "\r\n"
    "hello\n";

static void
serve(int fd)
{
	FCGX_Request rq;

	if (FCGX_InitRequest(&rq, fd, 0) != 0)
		_exit(1);
	while (FCGX_Accept_r(&rq) >= 0) {
		FCGX_PutStr(response, (int)sizeof(response) - 1, rq.out);
		FCGX_Finish_r(&rq);
	}
	_exit(0);
}

int
main(int argc, char *argv[])
{
	struct sockaddr_un	sun;
	int			fd, workers;

	if (argc != 3) {
		fprintf(stderr, "usage: hello-fcgi SOCKET WORKERS\n");
		return 2;
	}
	workers = atoi(argv[2]);
	if (workers < 1 || workers > 256 || strlen(argv[1]) >= sizeof(sun.sun_path))
		return 2;
	memset(&sun, 0, sizeof(sun));
	sun.sun_family = AF_UNIX;
	strcpy(sun.sun_path, argv[1]);
	unlink(argv[1]);
	if ((fd = socket(AF_UNIX, SOCK_STREAM, 0)) == -1 ||
	    bind(fd, (struct sockaddr *)&sun, sizeof(sun)) == -1 ||
	    chmod(argv[1], 0660) == -1 || listen(fd, 1024) == -1) {
		perror("hello-fcgi");
		return 1;
	}
	FCGX_Init();
	for (int i = 0; i < workers; i++)
		if (fork() == 0)
			serve(fd);
	/* Wait for SIGTERM, then stop the workers with us. */
	{
		sigset_t set;
		int sig;

		sigemptyset(&set);
		sigaddset(&set, SIGTERM);
		sigaddset(&set, SIGINT);
		sigprocmask(SIG_BLOCK, &set, NULL);
		sigwait(&set, &sig);
	}
	kill(0, SIGTERM);
	while (wait(NULL) > 0)
		;
	unlink(argv[1]);
	return 0;
}
