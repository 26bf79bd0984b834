// The names part: romanization, structured person names and cross-script matching.
#pragma once

#include "archive/names/match.hpp"
#include "archive/names/person_name.hpp"
#include "archive/names/transliterator.hpp"
