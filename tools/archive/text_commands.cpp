// `archive text fold|script|segment`: the text part in batch mode.
#include <CLI/CLI.hpp>
#include <iostream>
#include <string>

#include "archive/text.hpp"
#include "batch.hpp"
#include "commands.hpp"

namespace archive::cli {

namespace {

int fold_lines() {
  std::string folded;
  run_batch(std::cin, std::cout, [&](std::string_view value) -> Result<Fields> {
    if (auto r = text::fold_into(value, folded); !r) return std::move(r).error();
    return Fields{folded};
  });
  return 0;
}

int script_lines(bool per_token) {
  text::Segmenter segmenter;
  std::vector<text::Token> tokens;
  run_batch(std::cin, std::cout, [&](std::string_view value) -> Result<Fields> {
    if (!per_token) {
      auto script = text::detect_script(value);
      if (!script) return std::move(script).error();
      return Fields{std::string(text::to_string(*script))};
    }
    if (auto r = segmenter.segment_into(value, tokens); !r) return std::move(r).error();
    std::string fields;
    for (const text::Token& t : tokens) {
      if (!fields.empty()) fields += ' ';
      fields += t.text;
      fields += ':';
      fields += t.kind == text::TokenKind::number ? "number" : text::to_string(t.script);
    }
    return Fields{std::move(fields)};
  });
  return 0;
}

int segment_lines(bool fold_tokens) {
  text::Segmenter segmenter;
  std::vector<text::Token> tokens;
  std::string folded;
  run_batch(std::cin, std::cout, [&](std::string_view value) -> Result<Fields> {
    if (auto r = segmenter.segment_into(value, tokens); !r) return std::move(r).error();
    std::string fields;
    for (const text::Token& t : tokens) {
      if (!fields.empty()) fields += ' ';
      if (fold_tokens) {
        if (auto r = text::fold_into(t.text, folded); !r) return std::move(r).error();
        fields += folded;
      } else {
        fields += t.text;
      }
    }
    return Fields{std::move(fields)};
  });
  return 0;
}

}  // namespace

void add_text_commands(CLI::App& parent, Action& action) {
  CLI::App* text = parent.add_subcommand(
      "text", "Unicode plumbing: folding, script detection and word segmentation");
  text->require_subcommand(1);

  CLI::App* fold = text->add_subcommand(
      "fold",
      "Search-fold each line (case, diacritics, Persian letters, digits): input<TAB>folded");
  fold->callback([&action] { action = fold_lines; });

  CLI::App* script = text->add_subcommand(
      "script", "Detect each line's script: input<TAB>latin|cyrillic|arabic|mixed|other|none");
  auto* per_token =
      script->add_flag("--tokens")
          ->description(
              "Give each token's script instead: input<TAB>token:script token:script ...");
  script->callback([&action, per_token] {
    const bool tokens = per_token->count() > 0;
    action = [tokens] { return script_lines(tokens); };
  });

  CLI::App* segment = text->add_subcommand(
      "segment", "Split each line into words: input<TAB>tokens separated by spaces");
  auto* fold_flag =
      segment->add_flag("--fold")->description("Fold each token as `archive text fold` does");
  segment->callback([&action, fold_flag] {
    const bool fold_tokens = fold_flag->count() > 0;
    action = [fold_tokens] { return segment_lines(fold_tokens); };
  });
}

}  // namespace archive::cli
