// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "Tilanne",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "tilanne", targets: ["tilanne"]),
        .library(name: "TilanneCore", targets: ["TilanneCore"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
    ],
    targets: [
        // The real libxlsxwriter C library from the system (Debian: libxlsxwriter-dev).
        // Only the XLSX renderer imports it.
        .systemLibrary(
            name: "CXlsxWriter",
            pkgConfig: "xlsxwriter",
            providers: [.apt(["libxlsxwriter-dev"])]
        ),
        .target(
            name: "TilanneCore",
            dependencies: [
                "CXlsxWriter",
                .product(name: "Yams", package: "Yams"),
            ]
        ),
        .executableTarget(
            name: "tilanne",
            dependencies: [
                "TilanneCore",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .testTarget(
            name: "TilanneCoreTests",
            dependencies: ["TilanneCore"],
            exclude: ["Fixtures", "References"]
        ),
    ]
)
