#include "platform/clipboard_image.hpp"

#include <X11/Xatom.h>
#include <X11/Xlib.h>
#include <poll.h>
#include <unistd.h>

#include <atomic>
#include <mutex>
#include <thread>

namespace csc::app {

namespace {

// Owns the selection on a connection of its own, so no Xlib call is shared with GLFW's thread.
class ClipboardOwner {
 public:
  static ClipboardOwner& Instance() {
    static ClipboardOwner owner;
    return owner;
  }

  bool Offer(std::string png, std::string& error) {
    std::lock_guard lock(m_mutex);
    if (!m_display && !Start(error)) return false;
    // One ChangeProperty request carries the whole picture (the INCR protocol is not spoken).
    const long max_bytes = (XExtendedMaxRequestSize(m_display) ? XExtendedMaxRequestSize(m_display) : XMaxRequestSize(m_display)) * 4 - 1024;
    if (static_cast<long>(png.size()) > max_bytes) {
      error = "the picture (" + std::to_string(png.size() / 1024) + " KiB) is too large for the clipboard";
      return false;
    }
    m_png = std::move(png);
    const char wake = 1;
    if (::write(m_wake[1], &wake, 1) != 1) {
      error = "cannot reach the clipboard thread";
      return false;
    }
    return true;
  }

  ~ClipboardOwner() {
    if (!m_display) return;
    m_stop = true;
    const char wake = 0;
    if (::write(m_wake[1], &wake, 1) == 1 && m_thread.joinable()) m_thread.join();
    else if (m_thread.joinable()) m_thread.detach();
    XCloseDisplay(m_display);
    ::close(m_wake[0]);
    ::close(m_wake[1]);
  }

 private:
  bool Start(std::string& error) {
    m_display = XOpenDisplay(nullptr);
    if (!m_display) {
      error = "no X display: copying a picture to the clipboard needs X11";
      return false;
    }
    if (::pipe(m_wake) != 0) {
      XCloseDisplay(m_display);
      m_display = nullptr;
      error = "cannot start the clipboard thread";
      return false;
    }
    m_window = XCreateSimpleWindow(m_display, DefaultRootWindow(m_display), 0, 0, 1, 1, 0, 0, 0);
    m_clipboard = XInternAtom(m_display, "CLIPBOARD", False);
    m_targets = XInternAtom(m_display, "TARGETS", False);
    m_png_atom = XInternAtom(m_display, "image/png", False);
    XFlush(m_display);
    m_thread = std::thread([this] { Run(); });
    return true;
  }

  void Run() {
    pollfd fds[2] = {{ConnectionNumber(m_display), POLLIN, 0}, {m_wake[0], POLLIN, 0}};
    while (!m_stop) {
      {
        std::lock_guard lock(m_mutex);
        while (XPending(m_display)) {
          XEvent e;
          XNextEvent(m_display, &e);
          if (e.type == SelectionRequest) Answer(e.xselectionrequest);
          if (e.type == SelectionClear) m_png.clear();  // another program owns the clipboard now
        }
      }
      if (::poll(fds, 2, -1) <= 0) continue;
      if (fds[1].revents & POLLIN) {
        char byte = 0;
        if (::read(m_wake[0], &byte, 1) == 1 && byte == 1) {
          std::lock_guard lock(m_mutex);
          XSetSelectionOwner(m_display, m_clipboard, m_window, CurrentTime);
          XFlush(m_display);
        }
      }
    }
  }

  // Under m_mutex.
  void Answer(const XSelectionRequestEvent& r) {
    XSelectionEvent reply{};
    reply.type = SelectionNotify;
    reply.display = r.display;
    reply.requestor = r.requestor;
    reply.selection = r.selection;
    reply.target = r.target;
    reply.time = r.time;
    reply.property = None;  // refused unless answered below
    const Atom property = r.property == None ? r.target : r.property;
    if (!m_png.empty() && r.target == m_targets) {
      const Atom offered[] = {m_targets, m_png_atom};
      XChangeProperty(m_display, r.requestor, property, XA_ATOM, 32, PropModeReplace,
                      reinterpret_cast<const unsigned char*>(offered), 2);
      reply.property = property;
    } else if (!m_png.empty() && r.target == m_png_atom) {
      XChangeProperty(m_display, r.requestor, property, m_png_atom, 8, PropModeReplace,
                      reinterpret_cast<const unsigned char*>(m_png.data()), static_cast<int>(m_png.size()));
      reply.property = property;
    }
    XSendEvent(m_display, r.requestor, False, NoEventMask, reinterpret_cast<XEvent*>(&reply));
    XFlush(m_display);
  }

  std::mutex m_mutex;
  Display* m_display = nullptr;
  Window m_window = 0;
  Atom m_clipboard = 0, m_targets = 0, m_png_atom = 0;
  std::string m_png;
  int m_wake[2] = {-1, -1};
  std::atomic<bool> m_stop{false};
  std::thread m_thread;
};

}  // namespace

bool OfferPngToClipboard(std::string png, std::string& error) {
  if (png.empty()) {
    error = "no picture to copy";
    return false;
  }
  return ClipboardOwner::Instance().Offer(std::move(png), error);
}

}  // namespace csc::app
