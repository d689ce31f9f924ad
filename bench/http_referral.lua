-- http_referral.lua: wrk script of bench/http.sh. Every request a GP's referral (POST
-- /api/v1/referrals) of another child new to the records, with who it is (BSN, birth date,
-- names, municipality: docs/server.md), so that each one writes a child, a help request and a
-- referral; the same child, form and day again would only give the first referral back.
-- Environment: MUNI (the children's municipality), COOKIE and CSRF (the GP's session).
-- Each thread takes its own BSNs (valid by the elfproef); done() prints the answers counted and
-- how many of them were 201 Created.
-- base, answered and created are globals: wrk's thread:set and thread:get reach only those
local threads = {}
local counter = 0
answered, created = 0, 0

function setup(thread)
	thread:set("base", 200000000 + #threads * 100000000)
	table.insert(threads, thread)
end

function init(args)
	base = tonumber(base) or 200000000
	answered, created = 0, 0
end

local function bsn()
	while true do
		counter = counter + 1
		local digits, s = tostring(base + counter), 0
		for k = 1, 8 do
			s = s + tonumber(digits:sub(k, k)) * (10 - k)
		end
		s = s - tonumber(digits:sub(9, 9))
		if s % 11 == 0 then
			return digits
		end
	end
end

local headers = {
	["Content-Type"] = "application/json",
	["Cookie"] = "jr_session=" .. os.getenv("COOKIE"),
	["X-CSRF-Token"] = os.getenv("CSRF"),
}
local muni = os.getenv("MUNI")

function request()
	local body = string.format('{"bsn":"%s","birth_date":"2014-%02d-%02d",'
		.. '"family_name":"Benchmark","given_names":"Kind","municipality":"%s","form":2,'
		.. '"question":"Benchmark: angstig, wil niet naar buiten.","urgency":"regular",'
		.. '"tried":"Gesprekken op de praktijk.","consent":"parents_and_youth"}',
		bsn(), counter % 12 + 1, counter % 28 + 1, muni)
	return wrk.format("POST", nil, headers, body)
end

function response(status, hdrs, body)
	answered = answered + 1
	if status == 201 then
		created = created + 1
	end
end

function done(summary, latency, requests)
	local a, c = 0, 0
	for _, t in ipairs(threads) do
		a = a + (t:get("answered") or 0)
		c = c + (t:get("created") or 0)
	end
	io.write(string.format("referral answers: %d, of which 201 created: %d\n", a, c))
end
