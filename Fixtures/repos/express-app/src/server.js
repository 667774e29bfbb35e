const express = require("express");
const ordersRouter = require("./routes/orders");
const authRouter = require("./routes/auth");

// ruleid: rate-limit-missing-in-repository, ops-no-readme, ops-no-container-build, ops-no-ci, ops-no-tests
const app = express();
app.use(express.json());
app.use("/orders", ordersRouter);
app.use("/auth", authRouter);

app.get("/status", (req, res) => res.json({ ok: true }));

app.listen(3000);
