#pragma once
namespace csc::app {
// "CSC Explorer 0.1.0": shown in the title bar and the header.
const char* VersionString();
}  // namespace csc::app
