const express = require("express");
const passport = require("passport");

const authRouter = express.Router();

// ruleid: rate-limit-express-auth-route-without-limiter
authRouter.post("/login", passport.authenticate("local"), (req, res) => res.json(req.user));

// ruleid: rate-limit-express-auth-route-without-limiter
authRouter.post("/token", (req, res) => res.json({ token: issue(req.body) }));

module.exports = authRouter;
