/* send.c: starcertctl mail: send the outbox's due e-mails through SMTP (libcurl). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <curl/curl.h>

#include "../db/settings.h"
#include "../domain/mail.h"
#include "../http/buf.h"
#include "../view/i18n.h"
#include "send.h"

/* Outbox row columns (STMT_OUTBOX_NEXT). */
enum { O_ID, O_TO, O_KIND, O_SUBJECT, O_LINK, O_LANG, O_ATTEMPTS };

struct upload {
	const char	*data;
	size_t		 len, off;
};

static size_t
read_cb(char *dst, size_t size, size_t nmemb, void *ctx)
{
	struct upload	*u = ctx;
	size_t		 n = size * nmemb;

	if (n > u->len - u->off)
		n = u->len - u->off;
	memcpy(dst, u->data + u->off, n);
	u->off += n;
	return n;
}

/* Send one message; NULL on success, else why (static or errbuf). */
static const char *
smtp_send(const char *url, const char *user, const char *password,
    const char *from, const char *to, const struct buf *msg, char *errbuf)
{
	CURL			*c;
	struct curl_slist	*rcpt = NULL;
	struct upload		 u = { msg->data, msg->len, 0 };
	char			 mfrom[300], mto[300];
	CURLcode		 rc;

	if ((c = curl_easy_init()) == NULL)
		return "curl_easy_init failed";
	snprintf(mfrom, sizeof(mfrom), "<%s>", from);
	snprintf(mto, sizeof(mto), "<%s>", to);
	rcpt = curl_slist_append(NULL, mto);
	errbuf[0] = '\0';
	curl_easy_setopt(c, CURLOPT_URL, url);
	curl_easy_setopt(c, CURLOPT_PROTOCOLS_STR, "smtp,smtps");
	curl_easy_setopt(c, CURLOPT_MAIL_FROM, mfrom);
	curl_easy_setopt(c, CURLOPT_MAIL_RCPT, rcpt);
	curl_easy_setopt(c, CURLOPT_READFUNCTION, read_cb);
	curl_easy_setopt(c, CURLOPT_READDATA, &u);
	curl_easy_setopt(c, CURLOPT_UPLOAD, 1L);
	/*
	 * STARTTLS when the server offers it (smtps:// is TLS from the start);
	 * required when there is a password to send, so that a man in the
	 * middle who strips STARTTLS from the greeting gets no password.
	 */
	curl_easy_setopt(c, CURLOPT_USE_SSL, user != NULL && *user != '\0' ?
	    (long)CURLUSESSL_ALL : (long)CURLUSESSL_TRY);
	curl_easy_setopt(c, CURLOPT_CONNECTTIMEOUT, 10L);
	curl_easy_setopt(c, CURLOPT_TIMEOUT, 60L);
	curl_easy_setopt(c, CURLOPT_NOSIGNAL, 1L);
	curl_easy_setopt(c, CURLOPT_ERRORBUFFER, errbuf);
	if (user != NULL && *user != '\0') {
		curl_easy_setopt(c, CURLOPT_USERNAME, user);
		curl_easy_setopt(c, CURLOPT_PASSWORD, password != NULL ? password : "");
	}
	rc = rcpt != NULL ? curl_easy_perform(c) : CURLE_OUT_OF_MEMORY;
	curl_slist_free_all(rcpt);
	curl_easy_cleanup(c);
	if (rc == CURLE_OK)
		return NULL;
	return errbuf[0] != '\0' ? errbuf : curl_easy_strerror(rc);
}

/* The message for one outbox row, in its reader's language. */
static bool
compose(const PGresult *res, const char *public_url, struct buf *msg)
{
	enum lang	 lang = strcmp(PQgetvalue(res, 0, O_LANG), "en") == 0 ? LANG_EN : LANG_ZH;
	char		 key[128], id[40];
	const char	*title;
	struct buf	 body = { 0 };
	struct mail_message m;
	bool		 ok;

	snprintf(key, sizeof(key), "notify.%s", PQgetvalue(res, 0, O_KIND));
	title = i18n_text(lang, key);
	buf_printf(&body, "%s\n\n%s\n\n%s %s%s\n\n-- \n%s\n", title,
	    PQgetvalue(res, 0, O_SUBJECT), i18n_text(lang, "mail.open"),
	    public_url != NULL ? public_url : "", PQgetvalue(res, 0, O_LINK),
	    i18n_text(lang, "mail.footer"));
	buf_append(&body, "", 1);
	snprintf(id, sizeof(id), "outbox-%s", PQgetvalue(res, 0, O_ID));
	m.from = settings_get("smtp_from");
	m.to = PQgetvalue(res, 0, O_TO);
	m.subject = title;
	m.body = body.failed ? "" : body.data;
	m.message_id = id;
	m.date = time(NULL);
	ok = !body.failed && mail_compose(msg, &m);
	buf_free(&body);
	return ok;
}

/* Claim the next due e-mail, send it, record the outcome: 1 done one, 0 none due, -1 db failure. */
static int
send_next(const char *url, const char *public_url, const char *user,
    const char *password, struct mail_counts *n, enum db_status *st)
{
	PGresult	*res, *r2;
	struct buf	 msg = { 0 };
	char		 errbuf[CURL_ERROR_SIZE], max[DB_INT_BUF];
	const char	*err, *p[3];

	if ((*st = db_begin()) != DB_OK)
		return -1;
	if ((res = db_query(STMT_OUTBOX_NEXT, NULL, st)) == NULL) {
		db_rollback();
		return -1;
	}
	if (PQntuples(res) == 0) {
		PQclear(res);
		db_rollback();
		return 0;
	}
	if (!compose(res, public_url, &msg))
		err = "the message could not be composed (bad address?)";
	else
		err = smtp_send(url, user, password, settings_get("smtp_from"),
		    PQgetvalue(res, 0, O_TO), &msg, errbuf);
	buf_free(&msg);
	p[0] = PQgetvalue(res, 0, O_ID);
	if (err == NULL) {
		if ((r2 = db_query(STMT_OUTBOX_SENT, p, st)) != NULL)
			n->sent++;
	} else {
		p[1] = err;
		p[2] = db_int(max, settings_long("mail_max_attempts"));
		if ((r2 = db_query(STMT_OUTBOX_RETRY, p, st)) != NULL &&
		    PQntuples(r2) == 1 && db_bool(r2, 0, 0))
			n->failed++;
		else
			n->retry++;
		fprintf(stderr, "mail: outbox %s to %s: %s\n", p[0], PQgetvalue(res, 0, O_TO), err);
	}
	PQclear(res);
	PQclear(r2);
	if (*st != DB_OK || (*st = db_commit()) != DB_OK) {
		db_rollback();
		return -1;
	}
	return 1;
}

enum db_status
mail_send_due(const char *public_url, const char *user, const char *password,
    struct mail_counts *n)
{
	const char	*url;
	enum db_status	 st = DB_OK;
	int		 rc;

	memset(n, 0, sizeof(*n));
	settings_refresh();
	url = settings_get("smtp_url");
	if (url == NULL || *url == '\0')
		return DB_OK;
	curl_global_init(CURL_GLOBAL_DEFAULT);
	while ((rc = send_next(url, public_url, user, password, n, &st)) == 1)
		;
	curl_global_cleanup();
	return rc < 0 ? st : DB_OK;
}
