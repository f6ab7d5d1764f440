// tmpl.cc: the only C++ file: a C API over ctemplate's dictionary, cache and expansion.
#include <cstring>
#include <new>
#include <string>

#include <ctemplate/template.h>
#include <ctemplate/template_emitter.h>

extern "C" {
#include "../http/buf.h"
}
#include "tmpl.h"

namespace {

// Appends straight into the response buffer: no std::string in between.
class BufEmitter : public ctemplate::ExpandEmitter {
	struct buf *out_;
public:
	explicit BufEmitter(struct buf *out) : out_(out) {}
	void Emit(char c) override { buf_append(out_, &c, 1); }
	void Emit(const std::string &s) override { buf_append(out_, s.data(), s.size()); }
	void Emit(const char *s) override { buf_puts(out_, s); }
	void Emit(const char *s, size_t n) override { buf_append(out_, s, n); }
};

/*
 * Variable and section names with their ids.  A name given as a plain
 * string is hashed and looked up in ctemplate's global name table, under
 * its lock, at every use: on the review queue's 450 values that was two
 * thirds of the worker's time spent filling dictionaries.  Each name here
 * is registered once per worker and then handed over with its id.  Names
 * are few (those the templates use), so the table is small; a name that
 * finds it full is passed as before.
 */
constexpr size_t NAME_SLOTS = 1024;	/* a power of two */

struct Name {
	char				*text;	/* owned; NULL: free slot */
	ctemplate::StaticTemplateString	 sts;
};
Name names[NAME_SLOTS];

ctemplate::TemplateString
name_of(const char *name)
{
	size_t h = 2166136261u, len;

	for (len = 0; name[len] != '\0'; len++)	/* FNV-1a */
		h = (h ^ (unsigned char)name[len]) * 16777619u;
	for (size_t i = 0; i < NAME_SLOTS; i++) {
		Name &n = names[(h + i) & (NAME_SLOTS - 1)];

		if (n.text != nullptr) {
			if (strcmp(n.text, name) == 0)
				return ctemplate::TemplateString(n.sts);
			continue;
		}
		if ((n.text = strdup(name)) == nullptr)
			break;
		n.sts = { { n.text, len, 0 } };
		ctemplate::StaticTemplateStringInitializer computes_id(&n.sts);
		return ctemplate::TemplateString(n.sts);
	}
	return ctemplate::TemplateString(name, len);
}

inline ctemplate::TemplateDictionary *
D(struct tmpl_dict *d)
{
	return reinterpret_cast<ctemplate::TemplateDictionary *>(d);
}

inline struct tmpl_dict *
C(ctemplate::TemplateDictionary *d)
{
	return reinterpret_cast<struct tmpl_dict *>(d);
}

} // namespace

extern "C" int
tmpl_register(const char *key, const char *content, size_t len)
{
	try {
		return ctemplate::StringToTemplateCache(key, content, len,
		    ctemplate::STRIP_BLANK_LINES) ? 0 : -1;
	} catch (...) {
		return -1;
	}
}

extern "C" void
tmpl_unregister(const char *key)
{
	try {
		ctemplate::mutable_default_template_cache()->Delete(key);
	} catch (...) {
	}
}

extern "C" struct tmpl_dict *
tmpl_dict_new(void)
{
	try {
		return C(new ctemplate::TemplateDictionary("page"));
	} catch (...) {
		return nullptr;
	}
}

extern "C" void
tmpl_dict_free(struct tmpl_dict *d)
{
	delete D(d);
}

extern "C" void
tmpl_set(struct tmpl_dict *d, const char *name, const char *value)
{
	try {
		D(d)->SetValue(name_of(name), value != nullptr ? value : "");
	} catch (...) {
	}
}

extern "C" void
tmpl_set_int(struct tmpl_dict *d, const char *name, long long value)
{
	try {
		D(d)->SetFormattedValue(name_of(name), "%lld", value);
	} catch (...) {
	}
}

extern "C" struct tmpl_dict *
tmpl_section(struct tmpl_dict *d, const char *name)
{
	try {
		return C(D(d)->AddSectionDictionary(name_of(name)));
	} catch (...) {
		return nullptr;
	}
}

extern "C" void
tmpl_show(struct tmpl_dict *d, const char *name)
{
	try {
		D(d)->ShowSection(name_of(name));
	} catch (...) {
	}
}

extern "C" struct tmpl_dict *
tmpl_include(struct tmpl_dict *d, const char *name, const char *key)
{
	try {
		ctemplate::TemplateDictionary *sub = D(d)->AddIncludeDictionary(name_of(name));

		sub->SetFilename(key);
		return C(sub);
	} catch (...) {
		return nullptr;
	}
}

extern "C" int
tmpl_expand(const char *key, const struct tmpl_dict *d, struct buf *out)
{
	try {
		BufEmitter emitter(out);
		bool ok = ctemplate::ExpandTemplate(key, ctemplate::STRIP_BLANK_LINES,
		    reinterpret_cast<const ctemplate::TemplateDictionary *>(d),
		    &emitter);

		return ok && !out->failed ? 0 : -1;
	} catch (...) {
		return -1;
	}
}
