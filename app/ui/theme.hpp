#pragma once
// Light and dark themes tuned for projectors: high contrast text, generous spacing.
namespace csc::app {

enum class Theme { Light, Dark };

void ApplyTheme(Theme theme, float scale);
// The background the window is cleared to, matching the theme.
void ThemeClearColor(Theme theme, float rgb[3]);

}  // namespace csc::app
