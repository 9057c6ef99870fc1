// Anchors the explorer library; the version string shown in the About box and title bar.
namespace csc::app {
const char* VersionString() { return "CSC Explorer 0.1.0"; }
}  // namespace csc::app
