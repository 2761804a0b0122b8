/*
 * privacykit: Material's search worker, with the reader's own statement first.
 *
 * Each privacykit page starts this worker instead of Material's (its `__config` names it), with
 * what the reader is reading in the address: `material`, the file of Material's worker beside
 * this one; `page`, the page's address; `statement` and `lang`, its statement and language
 * (compared by its primary subtag: en-US and en-GB are one language to a reader). The
 * search index's entries carry their page's statement and language (`privacykit` in each entry,
 * written by the privacykit plugin). Before Material's worker builds its index, each entry's
 * boost is multiplied by 10^4 for each step of closeness to the reader, so results come in
 * this order, each group ranked among itself as Material ranks it:
 *   1. the statement being read (its page, or the in-force page of a dated version or redline),
 *   2. the other statements in the reader's language of the same family (website, products),
 *   3. the rest in the reader's language,
 *   4. the same family in other languages,
 *   5. everything else.
 * Nothing is left out: the list goes on from the reader's statement to the whole site.
 * Material's worker itself is loaded unchanged; only the documents it is given are boosted.
 */
(function () {
  "use strict"
  var params = new URL(self.location.href).searchParams
  var page = params.get("page") || ""
  var statement = params.get("statement") || ""
  var lang = language(params.get("lang"))
  var material = params.get("material") || ""
  var STEP = 1e4

  // A language by its primary subtag: a reader of en-US reads en-GB's statements as their own.
  function language(tag) {
    return String(tag || "").split("-")[0].toLowerCase()
  }

  function closeness(doc) {
    var about = doc.privacykit || {}
    var at = String(doc.location || "").split("#")[0]
    if (at && page.indexOf(at) === 0 && about.statement)
      return 4
    var sameLanguage = !!lang && language(about.lang) === lang
    var sameFamily = !!statement && about.statement === statement
    if (sameLanguage)
      return sameFamily ? 3 : 2
    return sameFamily ? 1 : 0
  }

  var listen = self.addEventListener
  self.addEventListener = function (type, listener, options) {
    if (type !== "message")
      return listen.call(self, type, listener, options)
    return listen.call(self, type, function (event) {
      var message = event.data
      var docs = message && message.data && message.data.docs
      if (Array.isArray(docs))
        docs.forEach(function (doc) {
          doc.boost = (typeof doc.boost === "number" ? doc.boost : 1) * Math.pow(STEP, closeness(doc))
        })
      return listener.call(this, event)
    }, options)
  }

  // Only a file of this folder: the worker is never pointed elsewhere by its address.
  if (!/^[\w.-]+\.js$/.test(material))
    throw new Error("privacykit search: no Material worker given")
  importScripts(material)
})()
