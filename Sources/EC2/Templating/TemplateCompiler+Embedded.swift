extension TemplateCompiler {
    /// A compiler over the templates built into the module (`Sources/EC2/Templates`, embedded by
    /// `scripts/embed-templates.sh`).
    public static func embedded() -> TemplateCompiler {
        TemplateCompiler(templates: EmbeddedTemplates.all)
    }

    /// The embedded template sources by name, for tools that render them another way (benchmarks).
    public static var embeddedSources: [String: String] { EmbeddedTemplates.all }
}
