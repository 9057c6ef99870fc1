#include "ui/item_probe.hpp"

#include <map>

namespace csc::app {

namespace {
bool g_enabled = false;
std::map<std::string, std::pair<ImVec2, ImVec2>>& Rects() {
  static std::map<std::string, std::pair<ImVec2, ImVec2>> rects;
  return rects;
}
}  // namespace

void EnableItemProbe(bool on) {
  g_enabled = on;
  Rects().clear();
}

bool ItemProbeEnabled() { return g_enabled; }

void ClearItemProbe() {
  if (g_enabled) Rects().clear();
}

void ProbeRect(const std::string& name, ImVec2 min, ImVec2 max) {
  if (g_enabled) Rects()[name] = {min, max};
}

void ProbeLastItem(const std::string& name) {
  if (g_enabled) Rects()[name] = {ImGui::GetItemRectMin(), ImGui::GetItemRectMax()};
}

std::optional<ImVec2> ProbedCentre(const std::string& name) {
  const auto it = Rects().find(name);
  if (it == Rects().end()) return std::nullopt;
  return ImVec2((it->second.first.x + it->second.second.x) / 2, (it->second.first.y + it->second.second.y) / 2);
}

}  // namespace csc::app
