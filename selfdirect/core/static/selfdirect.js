// Runs after design-system.js (module scripts run in order), on every page.

// The design system's mobile menu swaps the no-JavaScript label and checkbox for a
// Menu button that says whether it is open.
const DS = window.DS;
document.documentElement.classList.add("sd-js");
document
  .querySelectorAll('[data-module="ds-mobile-navigation-menu"]:not(.js-instantiated)')
  .forEach((menu) => new DS.components.SiteNavigation(menu).init());
// Every date question (components/field.html) gets the design system's calendar.
document
  .querySelectorAll('[data-module="ds-datepicker"]:not(.js-instantiated)')
  .forEach((picker) => new DS.components.DatePicker(picker).init());
document.querySelectorAll(".sd-menu-toggle").forEach((toggle) => {
  toggle.checked = false;
  toggle.hidden = true;
});

// A table that scrolls sideways can be reached and scrolled with the keyboard: its
// scrolling wrapper becomes a named region in the tab order (or the table itself,
// when it scrolls on its own). Done again when the window changes size.
function tableName(table) {
  const labelledBy = table.getAttribute("aria-labelledby");
  const label = labelledBy && document.getElementById(labelledBy);
  const caption = table.querySelector("caption");
  const name = label ? label.textContent : caption && caption.textContent;
  return (name || table.getAttribute("aria-label") || "Table").trim();
}

function focusableScrollers() {
  document.querySelectorAll(".sd-main .ds_table").forEach((table) => {
    const wrapper = table.closest(".sd-table-scroll, .ds_table-wrapper");
    const scroller = wrapper || table;
    const scrolls = scroller.scrollWidth > scroller.clientWidth + 1;
    if (scrolls && !scroller.hasAttribute("tabindex")) {
      scroller.setAttribute("tabindex", "0");
      scroller.dataset.sdScroller = "";
      if (wrapper) {
        wrapper.setAttribute("role", "region");
        wrapper.setAttribute("aria-label", tableName(table));
      }
    } else if (!scrolls && "sdScroller" in scroller.dataset) {
      scroller.removeAttribute("tabindex");
      delete scroller.dataset.sdScroller;
      if (wrapper) {
        wrapper.removeAttribute("role");
        wrapper.removeAttribute("aria-label");
      }
    }
  });
}
focusableScrollers();
window.addEventListener("resize", focusableScrollers);
