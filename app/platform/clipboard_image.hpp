#pragma once
// A picture on the system clipboard. GLFW's clipboard carries text only, so on X11 the
// explorer owns the CLIPBOARD selection itself: a background thread with its own connection
// to the display answers other programs' requests (TARGETS, image/png) until another program
// takes the clipboard or the explorer exits. Other platforms: an error saying so.
#include <string>

namespace csc::app {

// Offers `png` (PNG bytes) as image/png on the CLIPBOARD selection. False with `error` set
// when there is no X display or the picture is too large for one X request (no INCR).
bool OfferPngToClipboard(std::string png, std::string& error);

}  // namespace csc::app
