// strict_json.hpp: nlohmann/json's parser with a callback that rejects duplicate keys and deep
// nesting, and its exceptions turned into FormatError messages naming the side and the byte.
#include "strict_json.hpp"

#include <cstddef>
#include <set>
#include <vector>

#include "divergence/errors.hpp"

namespace divergence::detail {
namespace {

using json = nlohmann::ordered_json;
constexpr std::size_t kMaxDepth = 64;

// One open array or object while parsing: its keys so far (objects) or the index of the element
// being read (arrays), so that an error can say where it is: "columns[0].quantiles".
struct Frame {
  bool object = false;
  std::set<std::string> keys;
  std::string key;
  std::size_t index = 0;
  std::string name;  // an object's "name" member when it is a string read before the error (columns)
};

std::string path_of(const std::vector<Frame>& stack) {
  std::string p;
  // The innermost frame is the object holding the duplicate; its parents name where it is.
  for (std::size_t i = 0; i + 1 < stack.size(); ++i) {
    if (stack[i].object) p += (p.empty() ? "" : ".") + stack[i].key;
    else p += "[" + std::to_string(stack[i].index) + "]";
  }
  if (p.empty()) return "the top-level object";
  const std::string& name = stack.back().name;
  return "the object at " + p + (name.empty() ? "" : " (name '" + (name.size() > 40 ? name.substr(0, 37) + "..." : name) + "')");
}

// After an element of the enclosing array ends, the next one starts.
void next_element(std::vector<Frame>& stack) {
  if (!stack.empty() && !stack.back().object) ++stack.back().index;
}

// "[json.exception.parse_error.101] parse error at line 1, column 7: syntax error while parsing value - invalid string: ..." ->
// the reason after " - ", without nlohmann's "; last read: '...'" (which echoes the raw bytes).
std::string reason_of(const std::string& what) {
  std::string r = what;
  if (const std::size_t bracket = r.find("] "); bracket != std::string::npos) r = r.substr(bracket + 2);
  if (const std::size_t dash = r.find(" - "); dash != std::string::npos) r = r.substr(dash + 3);
  const std::size_t last = r.find("; last read:");
  if (last != std::string::npos) r.resize(last);
  if (r.find("ill-formed UTF-8") != std::string::npos) return "invalid UTF-8";
  return r;
}

}  // namespace

json parse_strict_json(std::string_view text, const std::string& side) {
  std::vector<Frame> stack;
  const json::parser_callback_t check = [&](int, json::parse_event_t event, json& parsed) {
    switch (event) {
      case json::parse_event_t::object_start:
      case json::parse_event_t::array_start:
        if (stack.size() >= kMaxDepth) throw FormatError(side + ": not valid JSON (nesting deeper than 64 levels)");
        stack.push_back(Frame{event == json::parse_event_t::object_start, {}, {}, 0, {}});
        break;
      case json::parse_event_t::key: {
        Frame& f = stack.back();
        f.key = parsed.get<std::string>();
        if (!f.keys.insert(f.key).second) {
          const std::string k = f.key.size() > 40 ? f.key.substr(0, 37) + "..." : f.key;
          throw FormatError(side + ": not valid JSON (duplicate key '" + k + "' in " + path_of(stack) + ")");
        }
        break;
      }
      case json::parse_event_t::object_end:
      case json::parse_event_t::array_end:
        stack.pop_back();
        next_element(stack);
        break;
      case json::parse_event_t::value:
        if (!stack.empty() && stack.back().object && stack.back().key == "name" && parsed.is_string()) {
          stack.back().name = parsed.get<std::string>();
        }
        next_element(stack);
        break;
    }
    return true;
  };
  try {
    return json::parse(text.begin(), text.end(), check);
  } catch (const json::parse_error& e) {
    const std::size_t at = e.byte > 0 ? e.byte - 1 : 0;  // nlohmann counts from 1
    throw FormatError(side + ": not valid JSON (byte " + std::to_string(at) + ": " + reason_of(e.what()) + ")");
  } catch (const json::exception& e) {  // out_of_range 406: a number beyond double ("1e400")
    std::string r = reason_of(e.what());
    if (r.size() > 80) r = r.substr(0, 77) + "...";
    throw FormatError(side + ": not valid JSON (" + r + ")");
  }
}

}  // namespace divergence::detail
