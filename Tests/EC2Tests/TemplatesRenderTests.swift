import Testing

@testable import EC2

/// Compiles `source` against `TemplatesBox` and renders `box` as a string.
private func render(_ source: String, _ box: TemplatesBox, partials: [String: String] = [:]) throws -> String {
    var templates = ["t": source]
    for (name, body) in partials { templates["partials/\(name)"] = body }
    let template = try TemplateCompiler(templates: templates).compile("t", as: TemplatesBox.self)
    return String(decoding: template.render(box), as: UTF8.self)
}

@Suite struct TemplatesRenderTests {
    @Test func escapesTheFiveXMLSpecialCharacters() throws {
        let box = TemplatesBox(title: #"a&b<c>d"e'f"#)
        #expect(try render("<x>{{title}}</x>", box) == "<x>a&amp;b&lt;c&gt;d&quot;e&apos;f</x>")
    }

    @Test func rawTagsDoNotEscape() throws {
        let box = TemplatesBox(title: "<b>&</b>")
        #expect(try render("{{{title}}}|{{& title}}|{{title}}", box) == "<b>&</b>|<b>&</b>|&lt;b&gt;&amp;&lt;/b&gt;")
    }

    @Test func unicodePassesThroughByteForByte() throws {
        let text = "ünïcødé ✓ 日本語 🚀"
        #expect(try render("{{title}}", TemplatesBox(title: text)) == text)
    }

    @Test func controlCharactersXMLCannotCarryBecomeReplacementCharacter() throws {
        let box = TemplatesBox(title: "a\u{0}b\u{1B}c\td\ne\rf")
        #expect(try render("{{title}}", box) == "a\u{FFFD}b\u{FFFD}c\td\ne&#13;f")
    }

    @Test(arguments: [0, 7, 10, -5, 1_234_567_890, Int.max, Int.min])
    func integersAreDecimal(value: Int) throws {
        #expect(try render("{{count}}", TemplatesBox(count: value)) == String(value))
    }

    @Test func listsRenderOncePerElementWithTheElementAsContext() throws {
        let box = TemplatesBox(items: [TemplatesItem(name: "a"), TemplatesItem(name: "b&c")])
        #expect(try render("<s>{{#items}}<i>{{name}}</i>{{/items}}</s>", box) == "<s><i>a</i><i>b&amp;c</i></s>")
        #expect(try render("{{#items}}x{{/items}}{{^items}}none{{/items}}", TemplatesBox()) == "none")
        #expect(try render("{{^items}}none{{/items}}", box).isEmpty)
    }

    @Test func listsOfStringsUseTheImplicitIterator() throws {
        let box = TemplatesBox(words: ["x", "<y>"])
        #expect(try render("{{#words}}[{{.}}]{{/words}}", box) == "[x][&lt;y&gt;]")
    }

    @Test func optionalsRenderWhenPresentAndInvertedWhenAbsent() throws {
        let source = "{{#note}}<n>{{.}}</n>{{/note}}{{^note}}-{{/note}}|{{note}}|{{number}}"
        #expect(try render(source, TemplatesBox(note: "a'b", number: 42)) == "<n>a&apos;b</n>|a&apos;b|42")
        #expect(try render(source, TemplatesBox(note: nil)) == "-||")
        let objects = "{{#maybe}}<m>{{name}}</m>{{/maybe}}{{^maybe}}absent{{/maybe}}"
        #expect(try render(objects, TemplatesBox(maybe: TemplatesItem(name: "z"))) == "<m>z</m>")
        #expect(try render(objects, TemplatesBox(maybe: nil)) == "absent")
    }

    @Test func booleansGateSectionsAndRenderAsWords() throws {
        let source = "{{#flag}}yes {{title}}{{/flag}}{{^flag}}no{{/flag}}:{{flag}}"
        #expect(try render(source, TemplatesBox(title: "t", flag: true)) == "yes t:true")
        #expect(try render(source, TemplatesBox(flag: false)) == "no:false")
    }

    @Test func objectsBySectionOrDottedName() throws {
        let box = TemplatesBox(inner: TemplatesItem(name: "in>"))
        #expect(try render("{{#inner}}<i>{{name}}</i>{{/inner}}|{{inner.name}}|{{{inner.name}}}", box) == "<i>in&gt;</i>|in&gt;|in>")
    }

    @Test func whitespaceInsideTagsIsIgnored() throws {
        let box = TemplatesBox(title: "t", items: [TemplatesItem(name: "n")])
        #expect(try render("{{ title }}{{ # items }}{{ name }}{{ / items }}{{ ! note }}{{{ title }}}{{ & title }}", box) == "tntt")
    }

    @Test func commentsRenderNothing() throws {
        #expect(try render("a{{! a comment with {{braces} }}b{{!\nmulti\nline}}c", TemplatesBox()) == "abc")
    }

    @Test func layoutWhitespaceIsDroppedButValuesAndInlineSpacesAreKept() throws {
        let source = """
            <a>
              <b>{{title}}</b>
              {{#items}}
                <c>one two</c>
              {{/items}}
            </a>

            """
        let box = TemplatesBox(title: "  keep\n  this  ", items: [TemplatesItem(name: "")])
        #expect(try render(source, box) == "<a><b>  keep\n  this  </b><c>one two</c></a>")
    }

    @Test func partialIsSharedAcrossIncludesAndModelTypes() throws {
        let box = TemplatesBox(items: [TemplatesItem(name: "a"), TemplatesItem(name: "b")], inner: TemplatesItem(name: "i"))
        let source = "{{#items}}<item>{{>Named}}</item>{{/items}}{{#inner}}{{>Named}}{{/inner}}{{#maybe}}{{>Named}}{{/maybe}}"
        let rendered = try render(source, box, partials: ["Named": "<name>{{name}}</name>\n"])
        #expect(rendered == "<item><name>a</name></item><item><name>b</name></item><name>i</name>")
    }

    @Test func onePartialServesTwoModelTypesWithAFieldOfTheSameName() throws {
        let compiler = TemplateCompiler(templates: [
            "t": "{{#item}}{{>Named}}{{/item}}{{#state}}{{>Named}}{{/state}}{{#item}}{{>Named}}{{/item}}",
            "partials/Named": "<name>{{name}}</name>",
        ])
        let template = try compiler.compile("t", as: ItemAndState.self)
        let model = ItemAndState(item: TemplatesItem(name: "a"), state: InstanceStateView.running)
        #expect(String(decoding: template.render(model), as: UTF8.self) == "<name>a</name><name>running</name><name>a</name>")
    }

    @Test func aCompiledTemplateIsReusedAcrossRendersIntoOneBuffer() throws {
        let template = try TemplateCompiler(templates: ["t": "<t>{{title}}</t>"]).compile("t", as: TemplatesBox.self)
        var out: [UInt8] = []
        template.render(TemplatesBox(title: "1"), into: &out)
        template.render(TemplatesBox(title: "2"), into: &out)
        #expect(String(decoding: out, as: UTF8.self) == "<t>1</t><t>2</t>")
    }
}

private struct ItemAndState: TemplateModel {
    var item: TemplatesItem
    var state: InstanceStateView
    static let templateFields: TemplateFields<Self> = ["item": .object(\.item), "state": .object(\.state)]
}

/// A model with a text value of its own (`{{.}}`), like a string, for objects and optionals of it.
private struct Label: TemplateModel {
    var text: String
    static let templateFields: TemplateFields<Self> = TemplateFields([("text", .string(\.text))], this: .string(\.text))
}

private struct Labelled: TemplateModel {
    var label: Label
    var maybe: Label?
    static let templateFields: TemplateFields<Self> = ["label": .object(\.label), "maybe": .optional(\.maybe)]
}

@Suite struct TemplatesSelfValueTests {
    @Test func objectsAndOptionalsWithTheirOwnValueRenderAsText() throws {
        let compiler = TemplateCompiler(templates: ["t": "{{label}}|{{{label}}}|{{maybe}}|{{#maybe}}<{{text}}>{{/maybe}}"])
        let template = try compiler.compile("t", as: Labelled.self)
        let present = Labelled(label: Label(text: "a&b"), maybe: Label(text: "c"))
        #expect(String(decoding: template.render(present), as: UTF8.self) == "a&amp;b|a&b|c|<c>")
        let absent = Labelled(label: Label(text: "x"), maybe: nil)
        #expect(String(decoding: template.render(absent), as: UTF8.self) == "x|x||")
    }
}
