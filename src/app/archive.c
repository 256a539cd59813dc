/* Signed archives of a month of the journal (Ed25519, libsodium): written
 * from the database, checked from the file and a public key alone, so an
 * auditor can verify them on another machine. The secret key lives in a
 * file outside the database. */
#include <errno.h>
#include <stdarg.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <sodium.h>
#include "app-internal.h"
#include "fiscal.h"
#include "fiscal-internal.h"
#include "../../db/journal.h"
#include "../util/i18n.h"
#include "../util/strbuf.h"
#include "../util/xalloc.h"

#define ARCHIVE_FORMAT "comptoir-archive 1"
#define ARCHIVE_MAX_BYTES ((size_t)1 << 31)

/* Writes the whole of data to a new file (O_EXCL) with mode. */
static int archive_write_new(const char *path, const void *data, size_t len, mode_t mode,
                             char **err)
{
	int fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, mode);
	if (fd < 0) {
		error_set(err, errno == EEXIST ? _("%s already exists; nothing was overwritten")
		                               : _("cannot create %s: %s"), path, strerror(errno));
		return APP_ERR;
	}
	const char *p = data;
	while (len) {
		ssize_t n = write(fd, p, len);
		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0) {
			error_set(err, _("cannot write %s: %s"), path, strerror(errno));
			close(fd);
			unlink(path);
			return APP_IO;
		}
		p += n;
		len -= (size_t)n;
	}
	if (fsync(fd) != 0 || close(fd) != 0) {
		error_set(err, _("cannot write %s: %s"), path, strerror(errno));
		unlink(path);
		return APP_IO;
	}
	return APP_OK;
}

/* Reads a whole file (at most max bytes) into a NUL-terminated buffer. */
static int archive_read_file(const char *path, size_t max, char **out, size_t *len,
                             struct stat *sb, char **err)
{
	int fd = open(path, O_RDONLY | O_CLOEXEC);
	if (fd < 0) {
		error_set(err, _("cannot read %s: %s"), path, strerror(errno));
		return APP_ERR;
	}
	if (fstat(fd, sb) != 0 || !S_ISREG(sb->st_mode) || (size_t)sb->st_size > max) {
		error_set(err, _("%s is not a file of at most %zu bytes"), path, max);
		close(fd);
		return APP_ERR;
	}
	char *buf = xmalloc((size_t)sb->st_size + 1);
	size_t got = 0;
	while (got < (size_t)sb->st_size) {
		ssize_t n = read(fd, buf + got, (size_t)sb->st_size - got);
		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0)
			break;
		got += (size_t)n;
	}
	close(fd);
	buf[got] = '\0';
	*out = buf;
	*len = got;
	return APP_OK;
}

/* A key file: hex digits of exactly `size` bytes, then an optional newline. */
static int archive_read_key(const char *path, unsigned char *key, size_t size, int secret,
                            char **err)
{
	char *text = NULL;
	size_t len = 0;
	struct stat sb;
	int rc = archive_read_file(path, 4096, &text, &len, &sb, err);
	if (rc != APP_OK)
		return rc;
	if (secret && (sb.st_mode & 077)) {
		error_set(err, _("the secret key %s can be read by others: chmod 600 it"), path);
		sodium_memzero(text, len);
		free(text);
		return APP_ERR;
	}
	while (len && (text[len - 1] == '\n' || text[len - 1] == '\r'))
		text[--len] = '\0';
	size_t got = 0;
	int bad = sodium_hex2bin(key, size, text, len, NULL, &got, NULL) != 0 || got != size ||
	          len != size * 2;
	sodium_memzero(text, len);
	free(text);
	if (bad) {
		error_set(err, secret ? _("%s is not a comptoir secret key")
		                      : _("%s is not a comptoir public key"), path);
		return APP_ERR;
	}
	return APP_OK;
}

int app_keygen(const char *secret_path, const char *public_path, char **err)
{
	if (sodium_init() < 0) {
		error_set(err, _("cannot start the cryptography library"));
		return APP_IO;
	}
	unsigned char pk[crypto_sign_PUBLICKEYBYTES], sk[crypto_sign_SECRETKEYBYTES];
	crypto_sign_keypair(pk, sk);
	char skhex[crypto_sign_SECRETKEYBYTES * 2 + 2], pkhex[crypto_sign_PUBLICKEYBYTES * 2 + 2];
	sodium_bin2hex(skhex, sizeof skhex - 1, sk, sizeof sk);
	sodium_bin2hex(pkhex, sizeof pkhex - 1, pk, sizeof pk);
	strcat(skhex, "\n");
	strcat(pkhex, "\n");
	int rc = archive_write_new(secret_path, skhex, strlen(skhex), 0600, err);
	if (rc == APP_OK) {
		rc = archive_write_new(public_path, pkhex, strlen(pkhex), 0644, err);
		if (rc != APP_OK)
			unlink(secret_path);
	}
	sodium_memzero(sk, sizeof sk);
	sodium_memzero(skhex, sizeof skhex);
	return rc;
}

struct archive_span {
	int64_t first, last;
};

static int archive_span_step(const struct db_journal *j, void *ctx)
{
	struct archive_span *s = ctx;
	if (!s->first || j->seq < s->first)
		s->first = j->seq;
	if (j->seq > s->last)
		s->last = j->seq;
	return 0;
}

struct archive_prev {
	struct db_journal j;
	int found;
};

static int archive_prev_step(const struct db_journal *j, void *ctx)
{
	struct archive_prev *p = ctx;
	p->j = *j;
	p->j.payload = p->j.canonical = NULL;
	p->found = 1;
	return 0;
}

static int archive_record_step(const struct db_journal *j, void *ctx)
{
	struct strbuf *sb = ctx;
	size_t len = strlen(j->canonical);
	strbuf_addf(sb, "record %lld %s %zu\n", (long long)j->seq, j->hash, len);
	strbuf_add(sb, j->canonical, len);
	return 0;
}

int app_archive(struct app *a, int32_t period, const char *key_path, const char *out_path,
                int64_t *nrecords, char **err)
{
	*nrecords = 0;
	if (period < 190001 || period > 999912 || period % 100 < 1 || period % 100 > 12) {
		error_set(err, _("bad period %d: use YYYY-MM"), (int)period);
		return APP_ERR;
	}
	unsigned char sk[crypto_sign_SECRETKEYBYTES];
	if (sodium_init() < 0) {
		error_set(err, _("cannot start the cryptography library"));
		return APP_IO;
	}
	int rc = archive_read_key(key_path, sk, sizeof sk, 1, err);
	if (rc != APP_OK)
		return rc;
	struct archive_span span = { 0, 0 };
	struct archive_prev prev = { .found = 0 };
	struct strbuf sb;
	strbuf_init(&sb);
	/* One read snapshot for the span and the records. */
	if (db_exec(a->db, "BEGIN", err) != DB_OK) {
		sodium_memzero(sk, sizeof sk);
		return APP_IO;
	}
	rc = db_journal_each_day(a->db, period * 100 + 1, period * 100 + 31, archive_span_step,
	                         &span);
	if (rc == DB_OK && span.first > 1)
		rc = db_journal_each(a->db, span.first - 1, span.first - 1, archive_prev_step, &prev);
	if (rc == DB_OK && span.first) {
		strbuf_addf(&sb, "%s\nperiod %d\nfirst %lld\nlast %lld\nprev_hash %s\n"
		              "prev_day %d\nprev_gt_perpetual %lld\nprev_gt_day %lld\n",
		              ARCHIVE_FORMAT, (int)period, (long long)span.first,
		              (long long)span.last, prev.found ? prev.j.hash : APP_ZERO_HASH,
		              prev.found ? (int)prev.j.day : 0,
		              (long long)(prev.found ? prev.j.gt_perpetual : 0),
		              (long long)(prev.found ? prev.j.gt_day : 0));
		rc = db_journal_each(a->db, span.first, span.last, archive_record_step, &sb);
	}
	db_exec(a->db, "COMMIT", NULL);
	if (rc != DB_OK) {
		error_set(err, _("cannot read the journal: %s"), db_errmsg(a->db));
		rc = APP_IO;
	} else if (!span.first) {
		error_set(err, _("the journal has no record in %04d-%02d"), (int)(period / 100),
		          (int)(period % 100));
		rc = APP_ERR;
	} else {
		unsigned char sig[crypto_sign_BYTES];
		crypto_sign_detached(sig, NULL, (const unsigned char *)sb.buf, sb.len, sk);
		char hex[crypto_sign_BYTES * 2 + 1];
		sodium_bin2hex(hex, sizeof hex, sig, sizeof sig);
		strbuf_addf(&sb, "signature %s\n", hex);
		rc = archive_write_new(out_path, sb.buf, sb.len, 0644, err);
		if (rc == APP_OK)
			*nrecords = span.last - span.first + 1;
	}
	sodium_memzero(sk, sizeof sk);
	strbuf_release(&sb);
	return rc;
}

/* "name VALUE\n" at *p: the value as text (up to the newline). */
static const char *archive_field(const char **p, const char *end, const char *name, size_t *vlen)
{
	size_t n = strlen(name);
	if ((size_t)(end - *p) < n + 1 || memcmp(*p, name, n) != 0 || (*p)[n] != ' ')
		return NULL;
	const char *v = *p + n + 1;
	const char *nl = memchr(v, '\n', (size_t)(end - v));
	if (!nl)
		return NULL;
	*vlen = (size_t)(nl - v);
	*p = nl + 1;
	return v;
}

static int archive_int(const char **p, const char *end, const char *name, int64_t *out)
{
	size_t n;
	const char *v = archive_field(p, end, name, &n);
	if (!v || n == 0 || n > 20)
		return -1;
	char num[24];
	memcpy(num, v, n);
	num[n] = '\0';
	char *e;
	errno = 0;
	long long x = strtoll(num, &e, 10);
	if (*e || errno)
		return -1;
	*out = x;
	return 0;
}

static int archive_broken(struct app_archive_result *res, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

static int archive_broken(struct app_archive_result *res, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(res->why, sizeof res->why, fmt, ap);
	va_end(ap);
	return APP_ERR;
}

/* The records after the header: the chain and the totals. */
/* Called for each record of an archive once its hash is checked; a
 * non-zero return stops with res->why set. */
typedef int (*archive_each_fn)(int64_t seq, const char *hash, struct app_archive_result *res,
                               void *ctx);

static int archive_check_records(const char *p, const char *end, const char *prev_hash_in,
                                 struct journal_head *prev, struct app_archive_result *res,
                                 archive_each_fn each, void *ctx)
{
	char prev_hash[65];
	strlcpy_safe(prev_hash, prev_hash_in, sizeof prev_hash);
	int64_t expect = res->first;
	while (p < end) {
		size_t n;
		const char *v = archive_field(&p, end, "record", &n);
		char line[128];
		long long seq;
		char hash[65];
		size_t len;
		if (!v || n >= sizeof line)
			return archive_broken(res, _("after record %lld: the file is malformed"),
			                      (long long)(expect - 1));
		memcpy(line, v, n);
		line[n] = '\0';
		if (sscanf(line, "%lld %64s %zu", &seq, hash, &len) != 3 || (size_t)(end - p) < len)
			return archive_broken(res, _("after record %lld: the file is malformed"),
			                      (long long)(expect - 1));
		if (seq != expect)
			return archive_broken(res, _("record %lld is missing: the archive goes from %lld "
			                             "to %lld"), (long long)expect,
			                      (long long)(expect - 1), seq);
		char got[65];
		if (app_journal_hash(prev_hash, p, len, got) != 0 || strcmp(got, hash) != 0)
			return archive_broken(res, _("record %lld: its hash does not match its bytes"),
			                      seq);
		struct journal_head h;
		if (journal_parse_head(p, len, &h) != 0 || h.seq != seq)
			return archive_broken(res, _("record %lld: its bytes are not a journal record"),
			                      seq);
		struct journal_head want = h;
		journal_totals(prev->seq || prev->day ? prev : NULL, &want);
		if (want.gt_perpetual != h.gt_perpetual || want.gt_day != h.gt_day)
			return archive_broken(res, _("record %lld: its grand totals do not add up"), seq);
		if (each && each(seq, hash, res, ctx) != 0)
			return APP_ERR;
		*prev = h;
		strlcpy_safe(prev_hash, hash, sizeof prev_hash);
		p += len;
		res->records++;
		expect++;
	}
	if (expect != res->last + 1)
		return archive_broken(res, _("the archive ends at record %lld, not %lld"),
		                      (long long)(expect - 1), (long long)res->last);
	return APP_OK;
}

static int archive_verify_with(const char *path, const char *pubkey_path,
                               struct app_archive_result *res, archive_each_fn each, void *ctx,
                               char **err)
{
	memset(res, 0, sizeof *res);
	if (sodium_init() < 0) {
		error_set(err, _("cannot start the cryptography library"));
		return APP_IO;
	}
	unsigned char pk[crypto_sign_PUBLICKEYBYTES];
	int rc = archive_read_key(pubkey_path, pk, sizeof pk, 0, err);
	if (rc != APP_OK)
		return rc;
	char *buf = NULL;
	size_t len = 0;
	struct stat sb;
	if ((rc = archive_read_file(path, ARCHIVE_MAX_BYTES, &buf, &len, &sb, err)) != APP_OK)
		return rc;
	/* The signature line is the last line; it signs every byte before it. */
	const char *sigline = NULL;
	for (size_t i = len > 1 ? len - 1 : 0; i > 0; i--)
		if (buf[i - 1] == '\n') {
			sigline = buf + i;
			break;
		}
	unsigned char sig[crypto_sign_BYTES];
	size_t got = 0;
	const char *end = sigline;
	size_t slen;
	const char *sv = sigline ? archive_field(&sigline, buf + len, "signature", &slen) : NULL;
	if (!sv || sodium_hex2bin(sig, sizeof sig, sv, slen, NULL, &got, NULL) != 0 ||
	    got != sizeof sig || slen != sizeof sig * 2) {
		free(buf);
		return archive_broken(res, _("%s is not a signed comptoir archive"), path);
	}
	if (crypto_sign_verify_detached(sig, (const unsigned char *)buf, (size_t)(end - buf), pk)
	    != 0) {
		free(buf);
		return archive_broken(res, _("the signature does not match: the archive was changed "
		                             "or signed with another key"));
	}
	const char *p = buf;
	size_t n;
	int64_t period = 0, pday = 0;
	struct journal_head prev;
	memset(&prev, 0, sizeof prev);
	char prev_hash[65] = "";
	const char *fmt = archive_field(&p, end, "comptoir-archive", &n);
	int ok = fmt && n == 1 && *fmt == '1' &&
	         archive_int(&p, end, "period", &period) == 0 &&
	         archive_int(&p, end, "first", &res->first) == 0 &&
	         archive_int(&p, end, "last", &res->last) == 0;
	const char *ph = ok ? archive_field(&p, end, "prev_hash", &n) : NULL;
	if (ph && n == 64) {
		memcpy(prev_hash, ph, 64);
		prev_hash[64] = '\0';
	}
	ok = ok && ph && n == 64 && archive_int(&p, end, "prev_day", &pday) == 0 &&
	     archive_int(&p, end, "prev_gt_perpetual", &prev.gt_perpetual) == 0 &&
	     archive_int(&p, end, "prev_gt_day", &prev.gt_day) == 0;
	if (!ok) {
		free(buf);
		return archive_broken(res, _("%s: the archive's header is malformed"), path);
	}
	res->period = (int32_t)period;
	prev.day = (int32_t)pday;
	prev.seq = res->first - 1;
	rc = archive_check_records(p, end, prev_hash, &prev, res, each, ctx);
	free(buf);
	return rc;
}

int app_archive_verify(const char *path, const char *pubkey_path,
                       struct app_archive_result *res, char **err)
{
	return archive_verify_with(path, pubkey_path, res, NULL, NULL, err);
}

struct archive_db_check {
	struct app *a;
	struct db_journal found;
	int have;
};

static int archive_db_step(const struct db_journal *j, void *ctx)
{
	struct archive_db_check *c = ctx;
	c->found = *j;
	c->found.payload = c->found.canonical = NULL;
	c->have = 1;
	return 0;
}

/* The database must still hold each archived record, unchanged. */
static int archive_db_each(int64_t seq, const char *hash, struct app_archive_result *res,
                           void *ctx)
{
	struct archive_db_check *c = ctx;
	c->have = 0;
	if (db_journal_each(c->a->db, seq, seq, archive_db_step, c) < 0) {
		snprintf(res->why, sizeof res->why, _("cannot read the journal: %s"),
		         db_errmsg(c->a->db));
		return 1;
	}
	if (!c->have) {
		snprintf(res->why, sizeof res->why,
		         _("record %lld of the archive is missing from the database"), (long long)seq);
		return 1;
	}
	if (strcmp(c->found.hash, hash) != 0) {
		snprintf(res->why, sizeof res->why,
		         _("record %lld in the database differs from the archive"), (long long)seq);
		return 1;
	}
	return 0;
}

int app_archive_verify_db(struct app *a, const char *path, const char *pubkey_path,
                          struct app_archive_result *res, char **err)
{
	struct archive_db_check c = { .a = a };
	return archive_verify_with(path, pubkey_path, res, archive_db_each, &c, err);
}
