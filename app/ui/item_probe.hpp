#pragma once
// Where things were drawn last frame, by name, so headless UI tests can click a slicer
// value or a bar the way a person would. Off (and free) unless a test turns it on.
#include <imgui.h>

#include <optional>
#include <string>

namespace csc::app {

void EnableItemProbe(bool on);
bool ItemProbeEnabled();
// Forgets last frame's rectangles (called as each frame starts).
void ClearItemProbe();
void ProbeRect(const std::string& name, ImVec2 min, ImVec2 max);
// The last ImGui item.
void ProbeLastItem(const std::string& name);
// Centre of the rectangle recorded under `name`, if it was drawn.
std::optional<ImVec2> ProbedCentre(const std::string& name);

}  // namespace csc::app
