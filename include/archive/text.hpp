// The text part: Unicode plumbing shared by dates, names and the index.
#pragma once

#include "archive/text/normalize.hpp"
#include "archive/text/script.hpp"
#include "archive/text/segmenter.hpp"
#include "archive/text/utf8.hpp"
