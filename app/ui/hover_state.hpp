#pragma once
// The category under the mouse, shared by every chart and table on screen (design.md: views
// talk through shared app state, the hovered item for one frame). Whatever draws a category
// under the mouse names it while drawing; every view reads what was named in the frame
// before, so all of them highlight the same category in the same frame, whichever is drawn
// first. When the name changes the app asks for one more frame at once, so the highlight
// follows the mouse without waiting for the idle timeout.
#include <string>

namespace csc::app {

class HoverState {
 public:
  // Called as a frame starts: what was named last frame becomes the highlight.
  void BeginFrame() {
    m_shown = std::move(m_next);
    m_next.clear();
  }
  // The highlighted category ("" = none): a label as the charts show it ("Neglect", "Sitwell").
  const std::string& highlighted() const { return m_shown; }
  // Names the category under the mouse this frame (the last caller in a frame wins).
  void Hover(std::string label) { m_next = std::move(label); }
  // After drawing: the highlight on screen is not what the mouse is now over.
  bool NeedsFrame() const { return m_next != m_shown; }

 private:
  std::string m_shown, m_next;
};

}  // namespace csc::app
