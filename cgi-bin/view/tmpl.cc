// tmpl.cc: the only C++ file: a C API over ctemplate's dictionary, cache and expansion.
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
		D(d)->SetValue(name, value != nullptr ? value : "");
	} catch (...) {
	}
}

extern "C" void
tmpl_set_int(struct tmpl_dict *d, const char *name, long long value)
{
	try {
		D(d)->SetFormattedValue(name, "%lld", value);
	} catch (...) {
	}
}

extern "C" struct tmpl_dict *
tmpl_section(struct tmpl_dict *d, const char *name)
{
	try {
		return C(D(d)->AddSectionDictionary(name));
	} catch (...) {
		return nullptr;
	}
}

extern "C" void
tmpl_show(struct tmpl_dict *d, const char *name)
{
	try {
		D(d)->ShowSection(name);
	} catch (...) {
	}
}

extern "C" struct tmpl_dict *
tmpl_include(struct tmpl_dict *d, const char *name, const char *key)
{
	try {
		ctemplate::TemplateDictionary *sub = D(d)->AddIncludeDictionary(name);

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
