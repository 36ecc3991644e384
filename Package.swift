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
        .package(url: "https://github.com/weichsel/ZIPFoundation", from: "0.9.20"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.3"),
    ],
    targets: [
        // The real libxlsxwriter C library from the system (Debian: libxlsxwriter-dev).
        // Only the XLSX renderer imports it.
        .systemLibrary(
            name: "CXlsxWriter",
            pkgConfig: "xlsxwriter",
            providers: [.apt(["libxlsxwriter-dev"])]
        ),
        // libxml2 from the system (Debian: libxml2-dev): its SAX2 push parser reads the XML
        // inside XLSX and DOCX files as a stream. Only the office readers import it.
        .systemLibrary(
            name: "CLibXML2",
            pkgConfig: "libxml-2.0",
            providers: [.apt(["libxml2-dev"])]
        ),
        // zlib's crc32 (Debian: zlib1g-dev): checks each ZIP entry while it streams; see
        // docs/decisions/0002-office-xml-reader.md for why not the ZIP library's own check.
        .systemLibrary(
            name: "CZlibChecksum",
            pkgConfig: "zlib",
            providers: [.apt(["zlib1g-dev"])]
        ),
        // FreeType (Debian: libfreetype-dev): the widths of the workbook font's glyphs, so the
        // status sheet's rows are sized to their wrapped text. Only the XLSX renderer imports it.
        .systemLibrary(
            name: "CFreeType",
            pkgConfig: "freetype2",
            providers: [.apt(["libfreetype-dev"])]
        ),
        // glibc's malloc.h (part of libc): the tilanne command sets the allocator's mmap
        // threshold when it starts (docs/decisions/0007-large-blocks-mapped.md).
        .systemLibrary(name: "CMalloc"),
        .target(
            name: "TilanneCore",
            dependencies: [
                "CXlsxWriter",
                "CLibXML2",
                "CZlibChecksum",
                "CFreeType",
                .product(name: "ZIPFoundation", package: "ZIPFoundation"),
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "GRDBSQLite", package: "GRDB.swift"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "Yams", package: "Yams"),
            ]
        ),
        .executableTarget(
            name: "tilanne",
            dependencies: [
                "TilanneCore",
                "CMalloc",
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
