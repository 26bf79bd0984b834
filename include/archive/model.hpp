// The model part: documents, collections, people, organizations, their ids and validation.
#pragma once

#include "archive/model/ids.hpp"
#include "archive/model/record.hpp"
#include "archive/model/records.hpp"
#include "archive/model/validate.hpp"
