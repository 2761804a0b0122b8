/*
 * privacykit: the navigation drawer's button, by keyboard.
 *
 * On a narrow screen Material's navigation is a drawer opened by a `<label>` for the `__drawer`
 * checkbox, which Tab does not reach. privacykit's `partials/header.html` puts a Tab stop in
 * it, named, with the role of a button; this script makes it one: Enter and Space open or close the drawer, `aria-expanded` tells
 * whether it is open, the focus moves to the drawer's first link when a key opened it, and
 * Escape closes it and brings the focus back to the button. (The keys stop at the button:
 * Material's keyboard handler on the window does not see them.)
 */
(function () {
  "use strict"
  var toggle = document.getElementById("__drawer")
  var button = document.querySelector("label.md-header__button[for='__drawer'] > [role='button']")
  if (!toggle || !button)
    return
  var drawer = document.querySelector(".md-sidebar--primary")

  function show() {
    button.setAttribute("aria-expanded", toggle.checked ? "true" : "false")
  }

  toggle.addEventListener("change", show)
  show()

  button.addEventListener("keydown", function (event) {
    if (event.key !== "Enter" && event.key !== " ")
      return
    event.preventDefault()
    event.stopPropagation()
    if (event.repeat)
      return
    toggle.checked = !toggle.checked
    toggle.dispatchEvent(new Event("change", { bubbles: true }))
    var first = toggle.checked && drawer && drawer.querySelector("a[href], [tabindex='0']")
    if (first)
      // Once the key is up: a link focused while Enter is down would follow it.
      button.addEventListener("keyup", function moved() {
        button.removeEventListener("keyup", moved)
        first.focus()
      })
  })

  document.addEventListener("keydown", function (event) {
    if (event.key === "Escape" && toggle.checked) {
      toggle.checked = false
      toggle.dispatchEvent(new Event("change", { bubbles: true }))
      button.focus()
    }
  })
})()
