import Foundation
import PackagePlugin

/// Generates BuildInfo.swift (version from VERSION, the git commit) before each build of the target
/// that uses it, with scripts/build-info.sh. A prebuild command, not a build command: the commit
/// changes without any input file SwiftPM could watch.
@main
struct BuildInfoPlugin: BuildToolPlugin {
    func createBuildCommands(context: PluginContext, target: Target) throws -> [Command] {
        let output = context.pluginWorkDirectoryURL.appending(path: "generated")
        let package = context.package.directoryURL
        return [
            .prebuildCommand(
                displayName: "Build info (version, git commit)",
                executable: URL(fileURLWithPath: "/bin/sh"),
                arguments: [package.appending(path: "scripts/build-info.sh").path, output.path, package.path],
                outputFilesDirectory: output
            ),
        ]
    }
}
