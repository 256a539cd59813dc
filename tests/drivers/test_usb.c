/* The usb: and dev: transports against umockdev's fake printer: run by
 * tests/drivers/usb.sh under umockdev-run, one scenario per run, each with
 * the recorded exchange it expects (tests/drivers/fixtures/). */
#include <stdlib.h>
#include <string.h>
#include "../lib/tap.h"
#include "../../drivers/transport.h"

/* ESC @, ESC t 19, "Café 12,50 €" in CP858, LF, then a cut. */
static const unsigned char job_usb[22] = {
	0x1b, 0x40, 0x1b, 0x74, 0x13, 'C', 'a', 'f', 0x82, ' ', '1', '2', ',', '5', '0', ' ',
	0xd5, 0x0a, 0x1d, 0x56, 0x42, 0x00,
};
static const unsigned char job_lp[22] = {
	0x1b, 0x40, 0x1b, 0x74, 0x13, 'C', 'a', 'f', 0x82, ' ', '1', '2', ',', '5', '0', ' ',
	0xd5, 0x0a, 0x1d, 0x56, 0x41, 0x03,
};

static struct transport *open_ok(const char *uri)
{
	struct transport *t = NULL;
	char *err = NULL;
	int rc = transport_open(uri, &t, &err);
	if (!ok(rc == 0 && t, "%s opens", uri))
		printf("#   error: %s\n", err ? err : "(none)");
	free(err);
	if (t)
		transport_set_timeout(t, 500);
	return t;
}

static void open_fails(const char *uri, const char *needle)
{
	struct transport *t = NULL;
	char *err = NULL;
	int rc = transport_open(uri, &t, &err);
	ok(rc == -1 && !t && err && strstr(err, needle), "%s is refused: %s", uri,
	   err ? err : "(no message)");
	free(err);
	transport_close(t);
}

static void scenario_job(void)
{
	struct transport *t = open_ok("usb:0416:5011");
	if (!t)
		return;
	char *err = NULL;
	int rc = transport_write(t, job_usb, sizeof job_usb, &err);
	if (!ok(rc == 0 && !err, "the 22-byte job goes out byte for byte"))
		printf("#   error: %s\n", err);
	free(err);
	err = NULL;
	char *id = NULL;
	rc = transport_device_id(t, &id, &err);
	ok(rc == 0 && !err, "GET_DEVICE_ID unanswered is no error (id: %s)", id ? id : "none");
	free(id);
	free(err);
	err = NULL;
	unsigned flags = 99;
	rc = transport_status_query(t, 1, &flags, &err);
	ok(rc == 0 && !err, "DLE EOT 1 is asked and answered");
	is_int(flags, 0, "the answer 0x12 means online, no fault");
	char line[128];
	is_str(transport_status_describe(flags, line, sizeof line), "online", "it reads 'online'");
	free(err);
	transport_close(t);
}

static void scenario_open(void)
{
	transport_close(open_ok("usb"));
	transport_close(open_ok("usb:"));
	transport_close(open_ok("usb:416:5011:FAKE0001"));
	open_fails("usb:0416:5011:FAKE0002", "serial number FAKE0002");
	open_fails("usb:1234:5678", "no USB device 1234:5678 found");
	open_fails("usb:0416", "bad USB printer URI");
	open_fails("usb:0416:50g1", "bad USB printer URI");
	open_fails("usb:0416:5011:", "bad USB printer URI");
}

static void scenario_wrong(void)
{
	struct transport *t = open_ok("usb:0416:5011");
	if (!t)
		return;
	unsigned char job[sizeof job_usb];
	memcpy(job, job_usb, sizeof job);
	job[8] = 0xe9;   /* é in Latin-1 where the printer expects CP858 */
	char *err = NULL;
	int rc = transport_write(t, job, sizeof job, &err);
	ok(rc == -1 && err && strstr(err, "USB printer 0416:5011"),
	   "a byte the printer does not take fails the job: %s", err ? err : "(no message)");
	free(err);
	transport_close(t);
}

static void scenario_vanish(void)
{
	struct transport *t = open_ok("usb:0416:5011");
	if (!t)
		return;
	char *err = NULL;
	int rc = transport_write(t, job_usb, sizeof job_usb, &err);
	ok(rc == -1 && err && strstr(err, "unplugged or switched off during the job"),
	   "a printer gone mid-job says so: %s", err ? err : "(no message)");
	free(err);
	transport_close(t);
}

static void scenario_status(void)
{
	struct transport *t = open_ok("usb:0416:5011");
	if (!t)
		return;
	char *err = NULL;
	unsigned flags = 0;
	int rc = transport_status(t, &flags, &err);
	ok(rc == 0 && !err, "DLE EOT 1, 2 and 4 are asked and answered");
	is_int(flags, TRANSPORT_STATUS_OFFLINE | TRANSPORT_STATUS_PAPER_OUT |
	       TRANSPORT_STATUS_PAPER_NEAR_END, "0x1A 0x32 0x7E: offline for want of paper");
	char line[128];
	is_str(transport_status_describe(flags, line, sizeof line), "offline, out of paper",
	       "it reads 'offline, out of paper'");
	free(err);
	transport_close(t);
}

static void scenario_silent(void)
{
	struct transport *t = open_ok("usb:0416:5011");
	if (!t)
		return;
	char *err = NULL;
	unsigned flags = 0;
	int rc = transport_status(t, &flags, &err);
	ok(rc == 0 && !err, "a printer that does not answer DLE EOT is no error");
	is_int(flags, TRANSPORT_STATUS_UNKNOWN, "its status is unknown");
	free(err);
	transport_close(t);
}

static void scenario_lp(void)
{
	struct transport *t = open_ok("dev:/dev/usb/lp0");
	if (!t)
		return;
	char *err = NULL;
	int rc = transport_write(t, job_lp, sizeof job_lp, &err);
	ok(rc == 0 && !err, "the job goes to /dev/usb/lp0");
	free(err);
	err = NULL;
	unsigned flags = 99;
	rc = transport_status_query(t, 1, &flags, &err);
	ok(rc == 0 && !err, "DLE EOT 1 through the kernel's printer node");
	is_int(flags, 0, "the answer 0x12 means online");
	free(err);
	err = NULL;
	char *id = NULL;
	rc = transport_device_id(t, &id, &err);
	ok(rc == 0 && !err, "GET_DEVICE_ID the node cannot answer is no error (id: %s)",
	   id ? id : "none");
	free(id);
	free(err);
	transport_close(t);
}

int main(int argc, char **argv)
{
	static const struct {
		const char *name;
		void (*run)(void);
	} scenarios[] = {
		{ "job", scenario_job }, { "open", scenario_open }, { "wrong", scenario_wrong },
		{ "vanish", scenario_vanish }, { "status", scenario_status },
		{ "silent", scenario_silent }, { "lp", scenario_lp },
	};
	for (size_t i = 0; argc == 2 && i < sizeof scenarios / sizeof scenarios[0]; i++)
		if (strcmp(argv[1], scenarios[i].name) == 0) {
			scenarios[i].run();
			return done_testing();
		}
	fprintf(stderr, "usage: test_usb job|open|wrong|vanish|status|silent|lp\n");
	return 2;
}
