/*
 * privacykit: open or close one of Material's toggles (the `__drawer` and `__search` checkboxes) as a
 * click on its label does: the `change` event tells Material, and the drawer's button (`aria-expanded`).
 * One function for the scripts below (with privacykitButton, the only names this file gives the page).
 */
function privacykitToggle(toggle, checked) {
  toggle.checked = checked
  toggle.dispatchEvent(new Event("change", { bubbles: true }))
}

/*
 * privacykit: the header's Tab stop for one of these toggles, made a button: its `aria-expanded` follows the
 * toggle, and Enter or Space (not a held key's repeats) calls `press`. The keys stop at the button: Material's
 * keyboard handler on the window does not see them.
 */
function privacykitButton(toggle, button, press) {
  function expanded() {
    button.setAttribute("aria-expanded", toggle.checked ? "true" : "false")
  }
  toggle.addEventListener("change", expanded)
  expanded()
  button.addEventListener("keydown", function (event) {
    if (event.key !== "Enter" && event.key !== " ")
      return
    event.preventDefault()
    event.stopPropagation()
    if (!event.repeat)
      press()
  })
}

/*
 * privacykit: the navigation drawer's button, by keyboard.
 *
 * On a narrow screen Material's navigation is a drawer opened by a `<label>` for the `__drawer`
 * checkbox, which Tab does not reach. privacykit's `partials/header.html` puts a Tab stop in
 * it, named, with the role of a button; this script makes it one: Enter and Space open or close the drawer, `aria-expanded` tells
 * whether it is open, the focus moves to the drawer's first link when a key opened it, and
 * Escape closes it and brings the focus back to the button; Tab out of the open drawer closes it
 * too (while closed, the drawer is hidden and out of the Tab order: `privacykit.css`). (The keys
 * stop at the button: Material's keyboard handler on the window does not see them.)
 */
;(function () {
  "use strict"
  var toggle = document.getElementById("__drawer")
  var button = document.querySelector("label.md-header__button[for='__drawer'] > [role='button']")
  if (!toggle || !button)
    return
  var drawer = document.querySelector(".md-sidebar--primary")

  privacykitButton(toggle, button, function () {
    privacykitToggle(toggle, !toggle.checked)
    var first = toggle.checked && drawer && drawer.querySelector("a[href], [tabindex='0']")
    if (first)
      // Once the key is up: a link focused while Enter is down would follow it.
      button.addEventListener("keyup", function moved() {
        button.removeEventListener("keyup", moved)
        first.focus()
      })
  })

  // Tab out of the open drawer closes it: the focus never goes on under the drawer's overlay.
  if (drawer)
    drawer.addEventListener("focusout", function (event) {
      var next = event.relatedTarget
      if (toggle.checked && next instanceof Element && !drawer.contains(next) && next !== button
          && getComputedStyle(drawer).position === "fixed")
        privacykitToggle(toggle, false)
    })

  document.addEventListener("keydown", function (event) {
    if (event.key === "Escape" && toggle.checked) {
      privacykitToggle(toggle, false)
      button.focus()
    }
  })
})()

/*
 * privacykit: an in-page link takes the keyboard's focus with it.
 *
 * Following a link to a place on the same page (a table-of-contents entry, in the drawer on a
 * phone too, or a heading's permanent link) scrolls there, but the focus stays on the link, or
 * falls to the page's `<body>` when Material hides the drawer it was in. The focus moves to the
 * target instead, to its heading when the target is a section, made focusable by script only
 * (`tabindex="-1"`: not a Tab stop), so that Tab and a screen reader go on from there. A page
 * opened at a place (a search result, `…/?h=cookies#cookies-advertising`) starts with the focus
 * there too, not on its `<body>`.
 */
;(function () {
  "use strict"

  function target(hash) {
    if (!hash || hash.length < 2)
      return null
    var id
    try {
      id = decodeURIComponent(hash.slice(1))
    } catch (error) {
      return null
    }
    var element = document.getElementById(id)
    if (element && !/^H[1-6]$/.test(element.tagName)) {
      // A section's heading opens it, alone or in its box beside its permanent link (`.pk-heading`).
      var first = element.firstElementChild
      var heading = first && first.matches(".pk-heading") ? first.firstElementChild : first
      if (heading && /^H[1-6]$/.test(heading.tagName))
        element = heading
    }
    return element
  }

  function focus(hash) {
    var element = target(hash)
    if (!element || element === document.activeElement)
      return
    if (!element.hasAttribute("tabindex"))
      element.setAttribute("tabindex", "-1")
    element.focus({ preventScroll: true })
  }

  document.addEventListener("click", function (event) {
    var link = event.target instanceof Element && event.target.closest("a[href^='#']")
    if (!link || event.defaultPrevented || link.closest(".md-search"))
      return
    var hash = link.getAttribute("href")
    // After Material has hidden the drawer and the page has scrolled.
    window.setTimeout(function () { focus(hash) }, 0)
  })
  window.addEventListener("hashchange", function () { focus(location.hash) })
  // A page opened at a place (a search result, a link from elsewhere): the focus starts there.
  focus(location.hash)
})()

/*
 * privacykit: the 404 page speaks the language of the address first.
 *
 * The 404 page (`publish/notfound.py`) says "not found" in every language of the site, each with
 * its links home and to its statements. When the address begins with a region (`/br/…`), the
 * block of that region's language moves first, under the page's title.
 */
;(function () {
  "use strict"
  var page = document.querySelector(".pk-not-found")
  if (!page)
    return
  var base = page.getAttribute("data-base") || "/"
  var path = location.pathname.indexOf(base) === 0 ? location.pathname.slice(base.length) : ""
  var region = path.split("/")[0]
  if (!region)
    return
  var blocks = page.querySelectorAll(".pk-not-found__language")
  for (var i = 0; i < blocks.length; i++) {
    if ((" " + blocks[i].getAttribute("data-regions") + " ").indexOf(" " + region + " ") >= 0) {
      if (i > 0)
        page.insertBefore(blocks[i], blocks[0])
      return
    }
  }
})()

/*
 * privacykit: the search results by keyboard.
 *
 * Material's search results are out of the Tab order (`tabindex="-1"`: its arrow keys move
 * between them), and its keyboard handler (on the window) closes the dialog on Tab and takes
 * the focus back to the query on any other key, Shift included: Tab from the query left the
 * results behind, unread. Tab and Shift+Tab now stop in the dialog and move as the arrows do:
 * from the query to the first result (over the results' scrolling box, a Tab stop that names
 * nothing), from result to result ("N more on this page" included), and back to the query; Tab
 * from the last result (or from the query with no result) and Shift+Tab from the query go on
 * out of the dialog, which closes it.
 * Enter opens the result in focus; the arrows and typing are still Material's.
 *
 * Escape closes the dialog and gives the focus back to what opened it (the WAI-ARIA dialog
 * pattern; Material's handler took the focus away to `<body>`): the element that had it when a
 * key of Material's (`/`, `s`, `f`) opened the search; otherwise the query where it shows in the
 * header (a wide screen: typing opens the results again), or on a narrow screen the header's
 * search button (`partials/header.html`), a Tab stop that Enter and Space open the search with,
 * whose `aria-expanded` says whether it is open. While closed on a narrow screen, the query is
 * hidden and out of the Tab order (`privacykit.css`): Tab went to it unseen.
 */
;(function () {
  "use strict"
  var dialog = document.querySelector(".md-search")
  var toggle = document.getElementById("__search")
  var query = dialog && dialog.querySelector(".md-search__input")
  var list = dialog && dialog.querySelector("[data-md-component='search-result']")
  if (!dialog || !toggle || !query || !list)
    return

  dialog.addEventListener("keydown", function (event) {
    if (event.key !== "Tab" && event.key !== "Shift")
      return
    event.stopPropagation()   // not to Material's handler on the window
    if (event.key !== "Tab" || !toggle.checked)
      return
    // The stops Material's arrow keys go through, in order.
    var stops = [query].concat(Array.prototype.slice.call(
      list.querySelectorAll(":not(details) > [href], summary, details[open] [href]")))
    var next = stops.indexOf(document.activeElement) + (event.shiftKey ? -1 : 1)
    if (stops.indexOf(document.activeElement) < 0 || next < 0 || next >= stops.length) {
      // Out of the dialog, which closes first: its scrolling box (hidden while it is closed) is
      // not a stop on the way.
      privacykitToggle(toggle, false)
      return
    }
    event.preventDefault()
    stops[next].focus()
  })

  // Each result is a link around its title and excerpt: a screen reader said the whole excerpt as
  // its name (some hundred words) on each stop. Its name is its title; the excerpt stays its text.
  var named = 0
  function name() {
    var links = list.querySelectorAll(".md-search-result__link:not([aria-labelledby])")
    for (var i = 0; i < links.length; i++) {
      var title = links[i].querySelector("h1, h2")
      if (!title)
        continue
      if (!title.id)
        title.id = "pk-search-result-" + (++named)
      links[i].setAttribute("aria-labelledby", title.id)
    }
  }
  new MutationObserver(name).observe(list, { childList: true, subtree: true })

  dialog.addEventListener("focusout", function (event) {
    var next = event.relatedTarget
    if (toggle.checked && next instanceof Element && !dialog.contains(next))
      privacykitToggle(toggle, false)
  })

  var button = document.querySelector("label.md-header__button[for='__search'] > [role='button']")
  var opener = null
  var input = ""   // the last key pressed, or "pointer"
  window.addEventListener("keydown", function (event) {
    input = event.key
    // Material's keys focus the query, which opens the search; on a narrow screen (where the header shows the search
    // button) the closed query is hidden and cannot take the focus: the search opens first, here (Material's handler,
    // seeing it open, would type the key).
    var typing = event.target instanceof Element && event.target.closest("input, textarea, select, [contenteditable]")
    if ((input === "/" || input === "s" || input === "f") && !toggle.checked && !typing && !event.metaKey
        && !event.ctrlKey && !event.altKey && button && button.getClientRects().length) {
      event.preventDefault()
      event.stopPropagation()
      toggle.click()
      query.focus()
      query.select()
    }
  }, true)
  window.addEventListener("pointerdown", function () { input = "pointer" }, true)
  dialog.addEventListener("focusin", function (event) {
    var from = event.relatedTarget
    if (from instanceof Element && dialog.contains(from))
      return
    opener = (input === "/" || input === "s" || input === "f") && from instanceof HTMLElement ? from : null
  })

  function back() {
    if (opener && opener.isConnected && opener.getClientRects().length)
      return opener
    return button && button.getClientRects().length ? button : query
  }

  dialog.addEventListener("keydown", function (event) {
    if (event.key !== "Escape" || !toggle.checked)
      return
    event.preventDefault()
    event.stopPropagation()   // not to Material's handler, which blurs the query
    var target = back()
    if (target !== document.activeElement && dialog.contains(target)) {
      // The query, from a result: Material opens the search when its query takes the focus (once its 1 ms wait for
      // the focus to settle is over), so it closes after that.
      target.focus()
      window.setTimeout(function () {
        if (toggle.checked)
          toggle.click()
      }, 20)
    } else if (dialog.contains(target)) {
      toggle.click()
    } else {
      toggle.click()
      target.focus()
    }
  })
  // The query keeps the focus once Escape closed the results on a wide screen: typing opens them again.
  query.addEventListener("input", function () {
    if (!toggle.checked)
      toggle.click()
  })

  if (!button)
    return
  privacykitButton(toggle, button, function () {
    if (toggle.checked)
      return
    toggle.click()
    query.focus()
    opener = button
  })
})()

/*
 * privacykit: a table that scrolls sideways scrolls by keyboard too.
 *
 * Material puts each table of the text in a scrolling box (`.md-typeset__scrollwrap`). A table wider than
 * the page (an imported policy's table of five columns, on a phone) scrolls there under a finger or a mouse,
 * but the keyboard could not reach it: the box was no Tab stop, and a table of words has no link to stop on
 * (WCAG 2.1.1; axe's rule scrollable-region-focusable). A box that scrolls is made a Tab stop (arrow keys
 * then scroll it), a group named by the table's caption, else by the heading the table stands under, so a
 * screen reader says which table it is. A group, not a region: a page of ten tables under two headings would
 * have added ten landmarks, several of one name. A box that stops scrolling (a wider window) is no stop any
 * more: a table that fits is read as it is. Material wraps tables after this script runs, and again on a page
 * loaded by instant navigation: new boxes are found as they are added.
 */
;(function () {
  "use strict"
  var content = document.querySelector(".md-content")
  if (!content || !window.ResizeObserver || !window.MutationObserver)
    return
  var named = 0

  function label(box) {
    var caption = box.querySelector("caption")
    if (caption)
      return caption
    var heading = document.evaluate("preceding::*[self::h1 or self::h2 or self::h3 or self::h4 or self::h5 or "
      + "self::h6][1]", box, null, XPathResult.FIRST_ORDERED_NODE_TYPE, null).singleNodeValue
    return heading instanceof Element ? heading : null
  }

  function mark(box) {
    if (box.scrollWidth > box.clientWidth + 1) {
      if (box.getAttribute("tabindex") === "0")
        return
      var name = label(box)
      box.setAttribute("tabindex", "0")
      box.setAttribute("role", "group")
      if (name) {
        if (!name.id)
          name.id = "pk-table-name-" + (++named)
        box.setAttribute("aria-labelledby", name.id)
      }
    } else if (box.getAttribute("tabindex") === "0" && document.activeElement !== box) {
      box.removeAttribute("tabindex")
      box.removeAttribute("role")
      box.removeAttribute("aria-labelledby")
    }
  }

  var sizes = new ResizeObserver(function (entries) {
    entries.forEach(function (entry) { mark(entry.target) })
  })
  function watch() {
    var boxes = content.querySelectorAll(".md-typeset__scrollwrap:not([data-pk-watched])")
    for (var i = 0; i < boxes.length; i++) {
      boxes[i].setAttribute("data-pk-watched", "")
      sizes.observe(boxes[i])
    }
  }
  new MutationObserver(watch).observe(content, { childList: true, subtree: true })
  watch()
})()
