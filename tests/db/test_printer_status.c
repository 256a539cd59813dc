/* The receipt printer's status as the screens show it at the start: a real
 * TCP server in this test plays a printer that answers DLE EOT 1, 2 and 4;
 * paper out is a problem worth a line, a healthy printer and a silent one
 * are not. */
#include <arpa/inet.h>
#include <netinet/in.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>
#include "../lib/tap.h"
#include "../../src/app/app.h"
#include "../../src/app/printing.h"

struct fake_printer {
	int listen_fd;
	unsigned char paper;  /* the answer to DLE EOT 4 */
	int silent;           /* reads but never answers */
};

static void *fake_printer_run(void *arg)
{
	struct fake_printer *p = arg;
	int fd = accept(p->listen_fd, NULL, NULL);
	if (fd < 0)
		return NULL;
	unsigned char q[3];
	size_t have = 0;
	ssize_t n;
	while ((n = read(fd, q + have, sizeof q - have)) > 0) {
		have += (size_t)n;
		if (have < sizeof q)
			continue;
		have = 0;
		if (p->silent || q[0] != 0x10 || q[1] != 0x04)
			continue;
		unsigned char a = q[2] == 4 ? p->paper : 0x12;
		if (write(fd, &a, 1) != 1)
			break;
	}
	close(fd);
	return NULL;
}

/* Starts a one-connection printer; writes its URI into uri. */
static int fake_printer_start(struct fake_printer *p, pthread_t *th, char *uri, size_t size)
{
	struct sockaddr_in sa;
	socklen_t len = sizeof sa;
	memset(&sa, 0, sizeof sa);
	sa.sin_family = AF_INET;
	sa.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
	p->listen_fd = socket(AF_INET, SOCK_STREAM, 0);
	if (p->listen_fd < 0 || bind(p->listen_fd, (struct sockaddr *)&sa, sizeof sa) != 0 ||
	    listen(p->listen_fd, 1) != 0 ||
	    getsockname(p->listen_fd, (struct sockaddr *)&sa, &len) != 0)
		return -1;
	snprintf(uri, size, "tcp:127.0.0.1:%d", ntohs(sa.sin_port));
	return pthread_create(th, NULL, fake_printer_run, p);
}

static void check(struct app *a, unsigned char paper, int silent, int want, const char *what,
                  const char *text)
{
	struct fake_printer p = { .paper = paper, .silent = silent };
	pthread_t th;
	char uri[64], line[200] = "";
	if (fake_printer_start(&p, &th, uri, sizeof uri) != 0) {
		ok(0, "%s: the fake printer starts", what);
		return;
	}
	app_set_printer(a, uri);
	int got = app_printer_problem(a, line, sizeof line);
	is_int(got, want, "%s", what);
	if (text)
		ok(strstr(line, text) != NULL, "  the line says '%s' (%s)", text, line);
	pthread_join(th, NULL);
	close(p.listen_fd);
}

int main(void)
{
	char dir[] = "/tmp/comptoir-pstatus-XXXXXX", path[300], *err = NULL;
	if (!mkdtemp(dir))
		return 1;
	snprintf(path, sizeof path, "%s/shop.db", dir);
	struct app *a;
	if (app_init_shop(path, APP_COUNTRY_FR, 0, &err) != APP_OK ||
	    app_open(path, APP_OPEN_EXISTING, &a, &err) != APP_OK) {
		printf("Bail out! %s\n", err ? err : "?");
		return 1;
	}
	char line[200];
	is_int(app_printer_problem(a, line, sizeof line), 0, "no printer set up: nothing to say");
	check(a, 0x72, 0, 1, "paper out is a problem", "paper");
	check(a, 0x12, 0, 0, "a healthy printer: nothing to say", NULL);
	check(a, 0x12, 1, 0, "a printer that does not answer: nothing to say", NULL);
	app_close(a);
	char cmd[400];
	snprintf(cmd, sizeof cmd, "rm -rf %s", dir);
	if (system(cmd) != 0)
		printf("# could not remove %s\n", dir);
	return done_testing();
}
