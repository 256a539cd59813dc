/* The usb: transport against a fake printer built with umockdev's C API
 * (run under umockdev-wrapper): every byte written is captured, DLE EOT is
 * answered, GET_DEVICE_ID returns an IEEE 1284 string, and a printer that
 * stops taking data makes the job time out. */
#include <errno.h>
#include <linux/ioctl.h>
#include <linux/usbdevice_fs.h>
#include <stdlib.h>
#include <string.h>
#include <umockdev.h>
#include "../lib/tap.h"
#include "../../drivers/transport.h"

#define PRINTER_NODE "/dev/bus/usb/001/002"
#define DEVICE_ID "MFG:Fake;CMD:ESC/POS;MDL:POS58;CLS:PRINTER;"

/* One URB the fake has taken: completed (ready to reap) or in flight. */
struct fake_urb {
	UMockdevIoctlData *urb;
	int status;
	int actual;
	unsigned char data[64];   /* what an IN or control transfer returns */
	int ndata;
};

struct fake {
	GMutex lock;
	GByteArray *written;      /* every byte sent to bulk OUT 0x02 */
	int stall;                /* take OUT transfers and never finish them */
	unsigned char answer[5];  /* the answer to DLE EOT n; 0 for none */
	int pending;              /* the answer owed to the next bulk IN, -1 none */
	GQueue done, flying, discarded;
};

static struct fake_urb *fake_urb_new(UMockdevIoctlData *urb)
{
	struct fake_urb *u = g_new0(struct fake_urb, 1);
	u->urb = umockdev_ioctl_data_ref(urb);
	return u;
}

static void fake_submit(struct fake *f, UMockdevIoctlData *urb_data)
{
	struct usbdevfs_urb *urb = (struct usbdevfs_urb *)urb_data->data;
	g_autoptr(UMockdevIoctlData) buf =
		umockdev_ioctl_data_resolve(urb_data, G_STRUCT_OFFSET(struct usbdevfs_urb, buffer),
		                            (gsize)urb->buffer_length, NULL);
	struct fake_urb *u = fake_urb_new(urb_data);
	if (urb->type == USBDEVFS_URB_TYPE_BULK && urb->endpoint == 0x02) {
		if (f->stall) {
			g_queue_push_tail(&f->flying, u);
			return;
		}
		g_byte_array_append(f->written, buf->data, (guint)urb->buffer_length);
		if (urb->buffer_length == 3 && buf->data[0] == 0x10 && buf->data[1] == 0x04 &&
		    buf->data[2] <= 4 && f->answer[buf->data[2]])
			f->pending = f->answer[buf->data[2]];
		u->actual = urb->buffer_length;
	} else if (urb->type == USBDEVFS_URB_TYPE_BULK && urb->endpoint == 0x81) {
		if (f->pending < 0) {   /* nothing to say: the host waits, then gives up */
			g_queue_push_tail(&f->flying, u);
			return;
		}
		u->data[0] = (unsigned char)f->pending;
		u->ndata = u->actual = 1;
		f->pending = -1;
	} else if (urb->type == USBDEVFS_URB_TYPE_CONTROL && buf->data[0] == 0xa1 &&
	           buf->data[1] == 0x00) {
		/* GET_DEVICE_ID: the string after a big-endian length that counts
		 * its own two bytes. */
		size_t n = strlen(DEVICE_ID);
		u->data[0] = (unsigned char)((n + 2) >> 8);
		u->data[1] = (unsigned char)(n + 2);
		memcpy(u->data + 2, DEVICE_ID, n);
		u->ndata = u->actual = (int)n + 2;
	} else {
		u->status = -EPIPE;
	}
	g_queue_push_tail(&f->done, u);
}

static void fake_reap(struct fake *f, UMockdevIoctlClient *client, UMockdevIoctlData *arg)
{
	struct fake_urb *u = g_queue_pop_head(&f->discarded);
	if (u)
		u->status = -ENOENT;
	else
		u = g_queue_pop_head(&f->done);
	if (!u) {
		umockdev_ioctl_client_complete(client, -1, EAGAIN);
		return;
	}
	struct usbdevfs_urb *urb = (struct usbdevfs_urb *)u->urb->data;
	urb->status = u->status;
	urb->actual_length = u->actual;
	if (u->ndata) {
		/* The client shares our address space: its buffer is writable here;
		 * a control transfer's data follows its 8-byte setup packet. */
		unsigned char *dst = urb->buffer;
		memcpy(dst + (urb->type == USBDEVFS_URB_TYPE_CONTROL ? 8 : 0), u->data, (size_t)u->ndata);
	}
	g_autoptr(UMockdevIoctlData) ptr = umockdev_ioctl_data_resolve(arg, 0, sizeof(gpointer), NULL);
	umockdev_ioctl_data_set_ptr(ptr, 0, u->urb);
	umockdev_ioctl_data_unref(u->urb);
	g_free(u);
	umockdev_ioctl_client_complete(client, 0, 0);
}

static void fake_discard(struct fake *f, UMockdevIoctlClient *client, UMockdevIoctlData *arg)
{
	gulong addr = (gulong)(*(void **)arg->data);
	for (GList *l = f->flying.head; l; l = l->next) {
		struct fake_urb *u = l->data;
		if (u->urb->client_addr == addr) {
			g_queue_delete_link(&f->flying, l);
			g_queue_push_tail(&f->discarded, u);
			umockdev_ioctl_client_complete(client, 0, 0);
			return;
		}
	}
	umockdev_ioctl_client_complete(client, -1, EINVAL);
}

static gboolean fake_ioctl(UMockdevIoctlBase *handler, UMockdevIoctlClient *client, gpointer data)
{
	struct fake *f = data;
	UMockdevIoctlData *arg = umockdev_ioctl_client_get_arg(client);
	gboolean handled = TRUE;
	(void)handler;
	g_mutex_lock(&f->lock);
	switch (umockdev_ioctl_client_get_request(client)) {
	case USBDEVFS_GET_CAPABILITIES: {
		g_autoptr(UMockdevIoctlData) d = umockdev_ioctl_data_resolve(arg, 0, sizeof(guint32), NULL);
		*(guint32 *)d->data = USBDEVFS_CAP_ZERO_PACKET | USBDEVFS_CAP_BULK_CONTINUATION |
		                      USBDEVFS_CAP_NO_PACKET_SIZE_LIM;
		umockdev_ioctl_client_complete(client, 0, 0);
		break;
	}
	case USBDEVFS_CLAIMINTERFACE:
	case USBDEVFS_RELEASEINTERFACE:
	case USBDEVFS_CLEAR_HALT:
	case USBDEVFS_SETINTERFACE:
		umockdev_ioctl_client_complete(client, 0, 0);
		break;
	case USBDEVFS_SUBMITURB: {
		g_autoptr(UMockdevIoctlData) urb =
			umockdev_ioctl_data_resolve(arg, 0, sizeof(struct usbdevfs_urb), NULL);
		fake_submit(f, urb);
		umockdev_ioctl_client_complete(client, 0, 0);
		break;
	}
	case USBDEVFS_REAPURB:
	case USBDEVFS_REAPURBNDELAY:
		fake_reap(f, client, arg);
		break;
	case USBDEVFS_DISCARDURB:
		fake_discard(f, client, arg);
		break;
	default:
		handled = FALSE;   /* e.g. detaching usblp: there is none to detach */
	}
	g_mutex_unlock(&f->lock);
	return handled;
}

static struct transport *open_printer(void)
{
	struct transport *t = NULL;
	char *err = NULL;
	if (!ok(transport_open("usb:0416:5011", &t, &err) == 0, "the fake printer opens"))
		printf("#   error: %s\n", err);
	free(err);
	if (t)
		transport_set_timeout(t, 300);
	return t;
}

int main(int argc, char **argv)
{
	const char *preload = getenv("LD_PRELOAD");
	if (!preload || !strstr(preload, "umockdev-preload")) {
		printf("1..0 # SKIP run me under umockdev-wrapper\n");
		return 0;
	}
	const char *fixture = argc > 1 ? argv[1] : "tests/drivers/fixtures/printer.umockdev";
	struct fake f = { .pending = -1 };
	g_mutex_init(&f.lock);
	f.written = g_byte_array_new();
	f.answer[1] = 0x12;          /* online */
	f.answer[2] = 0x12;          /* no offline cause */
	f.answer[4] = 0x12 | 0x0c;   /* paper near its end */
	UMockdevTestbed *bed = umockdev_testbed_new();
	UMockdevIoctlBase *handler = umockdev_ioctl_base_new();
	g_signal_connect(handler, "handle-ioctl", G_CALLBACK(fake_ioctl), &f);
	GError *gerr = NULL;
	if (!umockdev_testbed_attach_ioctl(bed, PRINTER_NODE, handler, &gerr) ||
	    !umockdev_testbed_add_from_file(bed, fixture, &gerr)) {
		printf("Bail out! umockdev: %s\n", gerr ? gerr->message : "?");
		return 1;
	}

	struct transport *t = open_printer();
	if (t) {
		/* A job longer than one bulk piece, every byte value in it. */
		size_t n = 10000;
		unsigned char *job = malloc(n);
		for (size_t i = 0; i < n; i++)
			job[i] = (unsigned char)(i * 31 + i / 256);
		char *err = NULL;
		ok(transport_write(t, job, n, &err) == 0 && !err, "a 10,000-byte job is written");
		ok(f.written->len == n && memcmp(f.written->data, job, n) == 0,
		   "the printer got those very bytes, in order (%u)", f.written->len);
		free(job);
		free(err);
		err = NULL;
		char *id = NULL;
		ok(transport_device_id(t, &id, &err) == 0 && !err, "GET_DEVICE_ID is answered");
		is_str(id, DEVICE_ID, "the IEEE 1284 string comes without its length");
		free(id);
		unsigned flags = 0;
		ok(transport_status(t, &flags, &err) == 0 && !err, "DLE EOT 1, 2, 4 are answered");
		is_int(flags, TRANSPORT_STATUS_PAPER_NEAR_END, "online, paper near its end");
		free(err);
		err = NULL;
		f.answer[1] = 0;   /* from now on the printer keeps quiet */
		ok(transport_status(t, &flags, &err) == 0 && !err, "a quiet printer is no error");
		is_int(flags, TRANSPORT_STATUS_UNKNOWN, "and its status is unknown");
		free(err);
		err = NULL;
		f.stall = 1;
		int rc = transport_write(t, "abc", 3, &err);
		ok(rc == -1 && err && strstr(err, "did not take the data within 300 ms"),
		   "a printer that stops taking data times the job out: %s", err ? err : "(none)");
		free(err);
		transport_close(t);
	}
	g_object_unref(handler);
	g_object_unref(bed);
	g_byte_array_unref(f.written);
	return done_testing();
}
