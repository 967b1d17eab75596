import Testing

@testable import EC2

/// A small model with one field of every kind, for compile and render tests.
struct TemplatesBox: TemplateModel {
    var title = "t"
    var count = 0
    var flag = false
    var note: String? = nil
    var number: Int? = nil
    var items: [TemplatesItem] = []
    var inner = TemplatesItem(name: "inner")
    var maybe: TemplatesItem? = nil
    var words: [String] = []

    static let templateFields: TemplateFields<Self> = [
        "title": .string(\.title),
        "count": .int(\.count),
        "flag": .bool(\.flag),
        "note": .optional(\.note),
        "number": .optional(\.number),
        "items": .list(\.items),
        "inner": .object(\.inner),
        "maybe": .optional(\.maybe),
        "words": .list(\.words),
    ]
}

struct TemplatesItem: TemplateModel {
    var name: String

    static let templateFields: TemplateFields<Self> = ["name": .string(\.name)]
}

private struct Twice: TemplateModel {
    var a: String
    static let templateFields: TemplateFields<Self> = TemplateFields([("a", .string(\.a)), ("a", .string(\.a))])
}

/// Compiles `source` as template `t` (plus any partials) against `TemplatesBox`, returning the error.
private func compileError(_ source: String, partials: [String: String] = [:]) -> TemplateError? {
    var templates = ["t": source]
    for (name, body) in partials { templates["partials/\(name)"] = body }
    do {
        _ = try TemplateCompiler(templates: templates).compile("t", as: TemplatesBox.self)
        return nil
    } catch {
        return error
    }
}

@Suite struct TemplatesCompilerTests {
    @Test func unknownFieldNamesTemplateLineFieldAndModel() throws {
        let error = try #require(compileError("<a>\n<b>{{titel}}</b>\n</a>"))
        #expect(error.template == "t")
        #expect(error.line == 2)
        #expect(error.message.contains("'titel'"))
        #expect(error.message.contains("TemplatesBox"))
        #expect(error.message.contains("title"), "lists the fields the model does have")
        #expect(error.description.hasPrefix("t:2: {{titel}}"))
    }

    @Test func unknownFieldInsideSectionIsResolvedAgainstTheElementType() throws {
        let error = try #require(compileError("{{#items}}\n{{title}}{{/items}}"))
        #expect(error.line == 2)
        #expect(error.message.contains("TemplatesItem has no field 'title'"))
    }

    @Test(arguments: [
        ("{{items}}", "'items' of 'TemplatesBox' is a list of TemplatesItem, which has no text value"),
        ("{{inner}}", "'inner' of 'TemplatesBox' is an object TemplatesItem, which has no text value"),
        ("{{maybe}}", "'maybe' of 'TemplatesBox' is an optional TemplatesItem, which has no text value"),
        ("{{#title}}x{{/title}}", "'title' of 'TemplatesBox' is a string, which cannot be a section"),
        ("{{#count}}x{{/count}}", "'count' of 'TemplatesBox' is an integer, which cannot be a section"),
        ("{{^inner}}x{{/inner}}", "'inner' of 'TemplatesBox' is an object TemplatesItem, which is always present"),
        ("{{title.length}}", "'title' is a string, which has no field 'length'"),
        ("{{inner.nope}}", "TemplatesItem has no field 'nope'"),
        ("{{.}}", "TemplatesBox has no value of its own"),
    ])
    func wrongKindIsACompileError(source: String, expected: String) throws {
        let error = try #require(compileError(source))
        #expect(error.template == "t")
        #expect(error.line == 1)
        #expect(error.message.contains(expected), "\(error)")
    }

    @Test(arguments: [
        ("a\n{{#items}}\nb", 2, "{{#items}} is never closed"),
        ("a\n\n{{^flag}}b", 3, "{{^flag}} is never closed"),
        ("a\n{{/items}}", 2, "{{/items}} closes no open section"),
        ("{{#items}}\n{{#flag}}\n{{/items}}{{/flag}}", 3, "{{/items}} does not close {{#flag}} opened on line 2"),
        ("x\n{{title", 2, "never closed"),
        ("{{{title}}", 1, "never closed"),
        ("{{}}", 1, "empty tag"),
        ("{{=<% %>=}}", 1, "delimiter changes"),
        ("{{#inner.name}}{{/inner.name}}", 1, "dotted names are for values only"),
        ("{{a..b}}", 1, "empty component"),
    ])
    func syntaxErrorsNameTheLine(source: String, line: Int, expected: String) throws {
        let error = try #require(compileError(source))
        #expect(error.template == "t")
        #expect(error.line == line, "\(error)")
        #expect(error.message.contains(expected), "\(error)")
    }

    @Test func unknownPartialIsReportedWhereItIsIncluded() throws {
        let error = try #require(compileError("a\n{{>Missing}}"))
        #expect(error.template == "t")
        #expect(error.line == 2)
        #expect(error.message.contains("partials/Missing"))
    }

    @Test func errorInAPartialNamesThePartialAndItsLine() throws {
        let error = try #require(compileError("{{#items}}{{>Named}}{{/items}}", partials: ["Named": "<n>\n{{nmae}}</n>"]))
        #expect(error.template == "partials/Named")
        #expect(error.line == 2)
        #expect(error.message.contains("TemplatesItem has no field 'nmae'"))
    }

    @Test func recursivePartialIsAnError() throws {
        let error = try #require(compileError("{{>Loop}}", partials: ["Loop": "{{#inner}}x{{/inner}}{{>Loop}}"]))
        #expect(error.template == "partials/Loop")
        #expect(error.message.contains("includes itself"))
    }

    @Test func fieldDeclaredTwiceIsAnErrorWhenUsed() throws {
        let compiler = TemplateCompiler(templates: ["t": "{{a}}"])
        #expect(throws: TemplateError.self) { try compiler.compile("t", as: Twice.self) }
        do {
            _ = try compiler.compile("t", as: Twice.self)
        } catch {
            #expect(error.message.contains("declares field 'a' more than once"))
        }
    }

    @Test func unknownTemplateAndInvalidActionNameThrow() {
        let compiler = TemplateCompiler(templates: [:])
        #expect(throws: TemplateError.self) { try compiler.compile("actions/Nope", as: TemplatesBox.self) }
        #expect(throws: TemplateError.self) { try compiler.compileAction("Bad Action>", as: TemplatesBox.self) }
    }

    @Test func embeddedDescribeInstancesCompilesAgainstItsModel() throws {
        let template = try TemplateCompiler.embedded().compileAction("DescribeInstances", as: DescribeInstances.Output.self)
        #expect(template.action == "DescribeInstances")
    }

    @Test func embeddedTemplateNamingAFieldTheModelLacksFailsWithPartialAndLine() throws {
        let compiler = TemplateCompiler.embedded()
        do {
            _ = try compiler.compileAction("DescribeInstances", as: ReservationsWithoutOwner.self)
            Issue.record("compiled although the model lacks ownerId")
        } catch {
            #expect(error.template == "partials/Reservation")
            #expect(error.line == 3)
            #expect(error.message.contains("ReservationWithoutOwner has no field 'ownerId'"))
        }
    }
}

private struct ReservationsWithoutOwner: TemplateModel {
    var reservationSet: [ReservationWithoutOwner]
    var nextToken: String?
    static let templateFields: TemplateFields<Self> = [
        "reservationSet": .list(\.reservationSet), "nextToken": .optional(\.nextToken),
    ]
}

private struct ReservationWithoutOwner: TemplateModel {
    var reservationId: String
    static let templateFields: TemplateFields<Self> = ["reservationId": .string(\.reservationId)]
}
