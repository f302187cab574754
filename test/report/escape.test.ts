import { describe, expect, it } from "vitest";
import { escapeHtml, escapeMarkdown, jsonForScript, redactCredentials, redactDeep } from "../../src/report/index.ts";

describe("escapeHtml", () => {
  it("writes the five HTML-significant characters as entities", () => {
    expect(escapeHtml(`<img src=x onerror="alert('1')"> & co`)).toBe("&lt;img src=x onerror=&quot;alert(&#39;1&#39;)&quot;&gt; &amp; co");
  });
  it("leaves other text alone", () => {
    expect(escapeHtml("orders-ρ 0.8 · µs")).toBe("orders-ρ 0.8 · µs");
  });
});

describe("escapeMarkdown", () => {
  it("escapes the characters that start markup or break a table", () => {
    expect(escapeMarkdown("a|b `c` <d> *e* _f_ [g](h) ~i~ &amp; \\")).toBe("a\\|b \\`c\\` \\<d\\> \\*e\\* \\_f\\_ \\[g\\](h) \\~i\\~ \\&amp; \\\\");
  });
  it("escapes a leading heading, list or rule marker, and only a real ordered-list marker", () => {
    expect(escapeMarkdown("# title")).toBe("\\# title");
    expect(escapeMarkdown("- item")).toBe("\\- item");
    expect(escapeMarkdown("+ item")).toBe("\\+ item");
    expect(escapeMarkdown("=HYPERLINK")).toBe("\\=HYPERLINK");
    expect(escapeMarkdown("12. step")).toBe("12\\. step");
    expect(escapeMarkdown("3) step")).toBe("3\\) step");
    expect(escapeMarkdown("10.5 ms")).toBe("10.5 ms");
    expect(escapeMarkdown("a # b - c")).toBe("a # b - c");
  });
  it("flattens line breaks so a table row stays one row", () => {
    expect(escapeMarkdown("a\nb\r\nc\u2028d")).toBe("a b c d");
  });
});

describe("redactCredentials", () => {
  it("removes user:password@ from URLs of any scheme and keeps the rest", () => {
    expect(redactCredentials("see amqp://guest:s3cret@broker:5672/vhost and https://u:p@x.io/a?b=1")).toBe("see amqp://broker:5672/vhost and https://x.io/a?b=1");
  });
  it("removes a password that itself contains @ and a user alone", () => {
    expect(redactCredentials("amqps://admin:p@ss@host/")).toBe("amqps://host/");
    expect(redactCredentials("nats://token@nats.local:4222")).toBe("nats://nats.local:4222");
  });
  it("leaves URLs without credentials and e-mail addresses alone", () => {
    expect(redactCredentials("http://localhost:15672/api/queues and ops@example.com")).toBe("http://localhost:15672/api/queues and ops@example.com");
  });
  it("works through HTML-escaped and JSON text", () => {
    expect(redactCredentials('{"file":"https://u:p@h/t.csv"}')).toBe('{"file":"https://h/t.csv"}');
    expect(redactCredentials("amqp://a&amp;b:c@h")).toBe("amqp://h");
  });
  it("redactDeep applies to every string of an object, keys included", () => {
    expect(redactDeep({ a: ["amqp://u:p@h"], "https://k:v@x": 1, n: 2 })).toEqual({ a: ["amqp://h"], "https://x": 1, n: 2 });
  });
});

describe("jsonForScript", () => {
  it("writes <, > and & as unicode escapes that JSON.parse reads back", () => {
    const json = JSON.stringify({ name: "</script><!-- & -->" });
    const safe = jsonForScript(json);
    expect(safe).not.toMatch(/[<>&]/);
    expect(safe).toContain("\\u003c/script\\u003e");
    expect(JSON.parse(safe)).toEqual({ name: "</script><!-- & -->" });
  });
});
