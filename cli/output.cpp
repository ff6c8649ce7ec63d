// The awsjson command's output: JSON as the AWS CLI indents it, its text and table formats, and
// timestamps in ISO 8601, each as the AWS CLI's own code writes them (tests/cli checks them
// against that code's output on the same values).
#include <sys/ioctl.h>
#include <unistd.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <ctime>
#include <iterator>

#include "cli.hpp"
#include "text_width.hpp"

namespace cli {

void write_iso8601(std::string& out, std::chrono::sys_time<std::chrono::microseconds> t) {
  auto seconds = std::chrono::floor<std::chrono::seconds>(t);
  long long micro = (t - seconds).count();
  std::time_t when = static_cast<std::time_t>(seconds.time_since_epoch().count());
  std::tm local{};
  if (!localtime_r(&when, &local) || local.tm_year + 1900 < 1 || local.tm_year + 1900 > 9999) {
    out += std::to_string(seconds.time_since_epoch().count());
    if (micro) out += '.' + std::to_string(1000000 + micro).substr(1);
    return;
  }
  char text[64];
  int n = std::snprintf(text, sizeof text, "\"%04d-%02d-%02dT%02d:%02d:%02d", local.tm_year + 1900, local.tm_mon + 1,
                        local.tm_mday, local.tm_hour, local.tm_min, local.tm_sec);
  out.append(text, std::size_t(n));
  if (micro) {
    n = std::snprintf(text, sizeof text, ".%06lld", micro);
    out.append(text, std::size_t(n));
  }
  long offset = local.tm_gmtoff;
  char sign = offset < 0 ? '-' : '+';
  offset = offset < 0 ? -offset : offset;
  n = std::snprintf(text, sizeof text, "%c%02ld:%02ld", sign, offset / 3600, offset / 60 % 60);
  out.append(text, std::size_t(n));
  if (offset % 60) {
    n = std::snprintf(text, sizeof text, ":%02ld", offset % 60);
    out.append(text, std::size_t(n));
  }
  out += '"';
}

namespace {
using awsjson::jmespath::value;

bool is_scalar(value const& v) { return v.kind != value::type::array && v.kind != value::type::object; }

// Python's str() of a JSON scalar, as awscli/text.py writes it.
std::string scalar_text(value const& v) {
  switch (v.kind) {
    case value::type::null:
      return "None";
    case value::type::boolean:
      return v.boolean ? "True" : "False";
    case value::type::number:
      return v.text;
    default:
      return v.text;
  }
}

std::string upper(std::string s) {
  for (char& c : s)
    if (c >= 'a' && c <= 'z') c = char(c - 'a' + 'A');
  return s;
}

// The keys of an object, sorted (Python's sorted() of str: by code point, as UTF-8 bytes sort).
std::vector<std::size_t> sorted_keys(value const& object) {
  std::vector<std::size_t> order(object.keys.size());
  for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
  std::sort(order.begin(), order.end(), [&](auto a, auto b) { return object.keys[a] < object.keys[b]; });
  return order;
}

void text_of(std::string& out, value const& item, std::string const* identifier,
             std::vector<std::string> const* scalar_keys, int depth);

void text_of_scalar_list(std::string& out, std::vector<value const*> const& elements, std::string const* identifier) {
  if (identifier) {
    for (auto const* e : elements) out += upper(*identifier) + '\t' + scalar_text(*e) + '\n';
    return;
  }
  for (std::size_t i = 0; i < elements.size(); ++i) {
    if (i) out += '\t';
    out += scalar_text(*elements[i]);
  }
  out += '\n';
}

void text_of_list(std::string& out, value const& list, std::string const* identifier, int depth) {
  if (list.items.empty()) return;
  bool any_object = false, any_list = false;
  for (auto const& e : list.items) {
    any_object = any_object || e.kind == value::type::object;
    any_list = any_list || e.kind == value::type::array;
  }
  if (any_object) {  // rows of every scalar key any element has
    std::vector<std::string> keys;
    for (auto const& e : list.items)
      if (e.kind == value::type::object)
        for (std::size_t i = 0; i < e.keys.size(); ++i)
          if (is_scalar(e.fields[i])) keys.push_back(e.keys[i]);
    std::sort(keys.begin(), keys.end());
    keys.erase(std::unique(keys.begin(), keys.end()), keys.end());
    for (auto const& e : list.items) text_of(out, e, identifier, &keys, depth + 1);
    return;
  }
  std::vector<value const*> scalars;
  for (auto const& e : list.items)
    if (is_scalar(e)) scalars.push_back(&e);
  if (!any_list || !scalars.empty()) text_of_scalar_list(out, scalars, identifier);
  for (auto const& e : list.items)
    if (!is_scalar(e)) text_of(out, e, identifier, nullptr, depth + 1);
}

void text_of_object(std::string& out, value const& object, std::string const* identifier,
                    std::vector<std::string> const* scalar_keys, int depth) {
  std::vector<std::string> scalars;
  std::vector<std::pair<std::string const*, value const*>> nested;
  if (!scalar_keys) {
    for (auto i : sorted_keys(object)) {
      if (is_scalar(object.fields[i]))
        scalars.push_back(scalar_text(object.fields[i]));
      else
        nested.emplace_back(&object.keys[i], &object.fields[i]);
    }
  } else {  // the row's columns: every scalar key of the list, '' where this one has none
    for (auto const& key : *scalar_keys) {
      value const* v = object.find(key);
      scalars.push_back(v ? scalar_text(*v) : std::string());
    }
    for (auto i : sorted_keys(object))
      if (!std::binary_search(scalar_keys->begin(), scalar_keys->end(), object.keys[i]))
        nested.emplace_back(&object.keys[i], &object.fields[i]);
  }
  if (!scalars.empty()) {
    if (identifier) scalars.insert(scalars.begin(), upper(*identifier));
    for (std::size_t i = 0; i < scalars.size(); ++i) {
      if (i) out += '\t';
      out += scalars[i];
    }
    out += '\n';
  }
  for (auto const& [key, v] : nested) text_of(out, *v, key, nullptr, depth + 1);
}

void text_of(std::string& out, value const& item, std::string const* identifier,
             std::vector<std::string> const* scalar_keys, int depth) {
  if (depth > 512) return;  // JSON from a service nests far less; the parser bounds it too
  if (item.kind == value::type::object)
    text_of_object(out, item, identifier, scalar_keys, depth);
  else if (item.kind == value::type::array)
    text_of_list(out, item, identifier, depth);
  else
    out += scalar_text(item) + '\n';
}

// --output table, as awscli/table.py and formatter.py's TableFormatter draw it.
int text_width(std::string_view s) {  // get_text_length: columns, two for East Asian W, F and A
  int width = 0;
  for (std::size_t i = 0; i < s.size();) {
    auto c = static_cast<unsigned char>(s[i]);
    int extra = c < 0x80 ? 0 : c >= 0xF0 ? 3 : c >= 0xE0 ? 2 : 1;
    std::uint32_t code = extra ? c & (0x3Fu >> extra) : c;
    for (int k = 1; k <= extra && i + std::size_t(k) < s.size(); ++k)
      code = (code << 6) | (static_cast<unsigned char>(s[i + std::size_t(k)]) & 0x3Fu);
    i += std::size_t(extra) + 1;
    auto const* end = std::end(detail::two_columns);
    auto at = std::upper_bound(std::begin(detail::two_columns), end, code,
                               [](std::uint32_t v, detail::code_point_range const& r) { return v < r.first; });
    width += at != std::begin(detail::two_columns) && code <= std::prev(at)->last ? 2 : 1;
  }
  return width;
}

std::string spaces(int n) { return std::string(std::size_t(std::max(n, 0)), ' '); }

std::string center_text(std::string const& text, int length, std::string const& left, std::string const& right) {
  int text_length = text_width(text);
  int start = length / 2 - text_length / 2 - 1;  // Python's floor division, as both are >= 0 or small
  int so_far = int(left.size()) + start + text_length;
  return left + spaces(start) + text + spaces(length - int(right.size()) - so_far) + right;
}

// `shown` is `text` as drawn (in colour, perhaps): the width is the text's.
std::string align_left(std::string const& text, int length, std::string const& left, std::string const& right,
                       std::string const& shown) {
  int text_length = text_width(text);
  int padding = length - (text_length + 2 + int(left.size()) + int(right.size())) >= 0 ? 2 : 0;
  int so_far = int(left.size()) + padding + text_length;
  return left + spaces(padding) + shown + spaces(length - so_far - int(right.size())) + right;
}

// The ColorizedStyler's codes (colorama's): a value, and an indentation edge.
struct styler {
  bool colour = false;
  std::string row_element(std::string const& text) const {
    return colour ? "\x1b[1m\x1b[34m" + text + "\x1b[0m" : text;
  }
  std::string indentation(int indent) const {
    std::string one = colour ? "\x1b[2m\x1b[33m|\x1b[0m" : "|";
    std::string out;
    for (int i = 0; i < indent; ++i) out += one;
    return out;
  }
};

struct section {
  std::string title;
  std::vector<std::string> headers;
  std::vector<std::vector<std::string>> rows;
  int indent = 0;
  std::optional<std::size_t> columns;
  std::vector<int> max_widths;

  void widen(std::vector<std::string> const& row) {
    if (max_widths.empty()) {
      for (auto const& e : row) max_widths.push_back(text_width(e));
    } else {
      for (std::size_t i = 0; i < row.size() && i < max_widths.size(); ++i)
        max_widths[i] = std::max(max_widths[i], text_width(row[i]));
    }
  }
  void add_header(std::vector<std::string> h) {
    widen(h);
    if (!columns) columns = h.size();
    headers = std::move(h);
  }
  bool add_row(std::vector<std::string> row, std::string& problem) {
    if (!columns) columns = row.size();
    if (row.size() != *columns) {
      problem =
          "Row should have " + std::to_string(*columns) + " elements, instead it has " + std::to_string(row.size());
      return false;
    }
    widen(row);
    rows.push_back(std::move(row));
    return true;
  }
  std::vector<int> column_widths(int padding, std::optional<int> max_width = std::nullopt) const {
    std::vector<int> widths;
    for (int w : max_widths) widths.push_back(w + padding);
    if (!max_width || widths.empty()) return widths;
    int sum = 0;
    for (int w : widths) sum += w;
    double scale = *max_width / double(sum);
    for (int& w : widths) w = int(std::nearbyint(scale * w));  // Python's round: half to even
    int off_by = -*max_width;
    for (int w : widths) off_by += w;
    while (off_by != 0) {
      for (std::size_t k = 0; k < widths.size() && off_by != 0; ++k) {
        std::size_t i = off_by < 0 ? widths.size() - 1 - k : k;
        widths[i] += off_by > 0 ? -1 : 1;
        off_by += off_by > 0 ? -1 : 1;
      }
    }
    return widths;
  }
  int total_width() const {  // padding 4, with the border, the indentation on both sides
    int total = 2 + 2 * indent;
    for (int w : column_widths(0)) total += w + 4;
    return std::max(text_width(title) + 2 + 2 * indent, total);
  }
};

class table_builder {
 public:
  std::vector<section> sections;
  std::string problem;

  bool build(std::string const* title, value const& current, int indent = 0) {
    if (falsy(current)) return false;
    if (title) {
      sections.emplace_back();
      sections.back().title = *title;
      sections.back().indent = indent;
    }
    if (current.kind == value::type::array) {
      if (current.items[0].kind == value::type::object) {
        from_list(current, indent, title);
      } else {
        for (auto const& item : current.items) {
          if (is_scalar(item)) {
            add_row({scalar_text(item)});
          } else if (all_scalar(item)) {
            std::vector<std::string> row;
            if (item.kind == value::type::array)
              for (auto const& e : item.items) row.push_back(scalar_text(e));
            else
              row = item.keys;  // a structure's keys, as iterating a dict gives
            add_row(std::move(row));
          } else {
            build(nullptr, item, 0);
          }
        }
      }
    }
    if (current.kind == value::type::object) from_object(current, indent);
    return true;
  }

 private:
  static bool falsy(value const& v) {  // Python's `not current`
    switch (v.kind) {
      case value::type::null:
        return true;
      case value::type::boolean:
        return !v.boolean;
      case value::type::number:
        return v.number == 0;
      case value::type::string:
        return v.text.empty();
      case value::type::array:
        return v.items.empty();
      case value::type::object:
        return v.keys.empty();
    }
    return true;
  }
  static bool all_scalar(value const& v) {
    if (v.kind == value::type::object) return true;  // its keys
    for (auto const& e : v.items)
      if (!is_scalar(e)) return false;
    return true;
  }
  section& current_section() {
    if (sections.empty()) sections.emplace_back();
    return sections.back();
  }
  void add_row(std::vector<std::string> row) {
    if (problem.empty()) (void)current_section().add_row(std::move(row), problem);
  }
  // The scalar and the nested keys of a structure, each sorted.
  static void group(value const& object, std::vector<std::string>& headers, std::vector<std::string>& more) {
    for (std::size_t i = 0; i < object.keys.size(); ++i)
      (is_scalar(object.fields[i]) ? headers : more).push_back(object.keys[i]);
    std::sort(headers.begin(), headers.end());
    std::sort(more.begin(), more.end());
  }
  void from_object(value const& current, int indent) {
    std::vector<std::string> headers, more;
    group(current, headers, more);
    if (headers.size() == 1) {
      add_row({headers[0], scalar_text(*current.find(headers[0]))});
    } else if (!headers.empty()) {
      current_section().add_header(headers);
      std::vector<std::string> row;
      for (auto const& h : headers) row.push_back(scalar_text(*current.find(h)));
      add_row(std::move(row));
    }
    for (auto const& key : more) build(&key, *current.find(key), indent + 1);
  }
  void from_list(value const& list, int indent, std::string const* title) {
    std::vector<std::string> headers, more;
    for (auto const& item : list.items) {
      if (item.kind != value::type::object) continue;
      group(item, headers, more);
    }
    std::sort(headers.begin(), headers.end());
    headers.erase(std::unique(headers.begin(), headers.end()), headers.end());
    std::sort(more.begin(), more.end());
    more.erase(std::unique(more.begin(), more.end()), more.end());
    current_section().add_header(headers);
    bool first = true;
    for (auto const& element : list.items) {
      if (!first && !more.empty()) {
        sections.emplace_back();
        sections.back().title = title ? *title : std::string();
        sections.back().indent = indent;
        sections.back().add_header(headers);
      }
      first = false;
      std::vector<std::string> row;
      for (auto const& h : headers) {
        value const* v = element.kind == value::type::object ? element.find(h) : nullptr;
        row.push_back(v ? scalar_text(*v) : std::string());
      }
      add_row(std::move(row));
      for (auto const& key : more)
        if (value const* v = element.kind == value::type::object ? element.find(key) : nullptr)
          build(&key, *v, indent + 1);
    }
  }
};

// One line of the table, framed by the section's indentation.
void write_line(std::string& out, styler const& style, int indent, std::string const& line) {
  out += style.indentation(indent) + line + style.indentation(indent) + '\n';
}

void line_break(std::string& out, styler const& style, int indent, std::vector<int> const& widths) {
  std::string line;
  for (std::size_t i = 0; i < widths.size(); ++i)
    line += i == 0 ? '+' + std::string(std::size_t(std::max(widths[i] - 2, 0)), '-') + '+'
                   : std::string(std::size_t(std::max(widths[i] - 1, 0)), '-') + '+';
  write_line(out, style, indent, line);
}

int max_width(std::vector<section> const& sections) {
  int width = 0;
  for (auto const& s : sections) width = std::max(width, s.total_width());
  return width;
}
}  // namespace

std::optional<std::string> format_table(std::string const& title, value const& data, int terminal_width,
                                        std::string& problem, bool colour) {
  styler const style{colour};
  table_builder b;
  if (!b.build(&title, data)) return std::string();
  if (!b.problem.empty()) {
    problem = b.problem;
    return std::nullopt;
  }
  auto& sections = b.sections;
  int width = max_width(sections);
  if (width > terminal_width) {  // too wide: sections of one row become a column of name and value
    for (auto& s : sections) {
      if (s.rows.size() != 1 || s.headers.empty()) continue;
      section vertical;
      vertical.title = s.title;
      vertical.indent = s.indent;
      for (std::size_t i = 0; i < s.headers.size() && i < s.rows[0].size(); ++i)
        (void)vertical.add_row({s.headers[i], s.rows[0][i]}, problem);
      s = std::move(vertical);
    }
    width = max_width(sections);
  }
  std::string out = std::string(std::size_t(width), '-') + '\n';
  for (auto const& s : sections) {
    int w = width - 2 * s.indent;
    if (!s.title.empty()) {
      write_line(out, style, s.indent, center_text(s.title, w, "|", "|"));
      if (s.headers.empty() && s.rows.empty())
        write_line(out, style, s.indent, '+' + std::string(std::size_t(std::max(w - 2, 0)), '-') + '+');
    }
    if (!s.headers.empty()) {
      auto widths = s.column_widths(4, w);
      std::string line;
      for (std::size_t i = 0; i < widths.size() && i < s.headers.size(); ++i)
        line += center_text(s.headers[i], widths[i], i == 0 ? "|" : "", "|");
      line_break(out, style, s.indent, widths);
      write_line(out, style, s.indent, line);
    }
    if (!s.rows.empty()) {
      auto widths = s.column_widths(4, w);
      if (widths.empty()) continue;
      line_break(out, style, s.indent, widths);
      for (auto const& row : s.rows) {
        std::string line;
        for (std::size_t i = 0; i < widths.size() && i < row.size(); ++i)
          line += align_left(row[i], widths[i], i == 0 ? "|" : "", "|", style.row_element(row[i]));
        write_line(out, style, s.indent, line);
      }
      line_break(out, style, s.indent, widths);
    }
  }
  return out;
}

std::string format_text(value const& data) {
  std::string out;
  text_of(out, data, nullptr, nullptr, 0);
  return out;
}

int terminal_width() {  // awscli's determine_terminal_width: the terminal's, else 80
  winsize size{};
  if (ioctl(STDOUT_FILENO, TIOCGWINSZ, &size) == 0 && size.ws_col > 0) return size.ws_col;
  return 80;
}

bool print_output(arguments const& args, std::string const& operation, std::string const& json) {
  if (args.query.empty() && args.output == "json") {  // as encoded, numbers exactly as written
    if (json != "{}") std::printf("%s\n", pretty(json).c_str());
    return true;
  }
  value data = awsjson::jmespath::parse_json(json).value_or(value{});
  if (!args.query.empty()) data = awsjson::jmespath::search(args.query, data);
  if (args.output == "text") {
    std::fputs(format_text(data).c_str(), stdout);
  } else if (args.output == "table") {
    std::string problem;
    bool colour = args.color == "on" || (args.color == "auto" && ::isatty(STDOUT_FILENO));  // awscli's is_a_tty
    auto table = format_table(operation, data, terminal_width(), problem, colour);
    if (!table) {
      std::fprintf(stderr, "awsjson: %s\n", problem.c_str());
      return false;
    }
    std::fputs(table->c_str(), stdout);
  } else if (data.kind != value::type::object || !data.keys.empty()) {
    std::printf("%s\n", pretty(data.json()).c_str());
  }
  return true;
}

}  // namespace cli
